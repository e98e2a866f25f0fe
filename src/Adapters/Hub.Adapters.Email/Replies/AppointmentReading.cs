using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Replies;

/// <summary>What the reply says about an appointment.</summary>
internal enum AppointmentOutcome
{
    /// <summary>No date with a time window in the text.</summary>
    None,

    /// <summary>A real date with a window that ends after it starts.</summary>
    Found,

    /// <summary>A date and window were written but cannot be one: 31-02, 11:00-08:00, a weekday that does not fit.</summary>
    Unreadable,
}

/// <summary>The outcome, and the window when one was found.</summary>
internal sealed record AppointmentReading(AppointmentOutcome Outcome, AppointmentWindow? Window)
{
    public static AppointmentReading None { get; } = new(AppointmentOutcome.None, null);

    public static AppointmentReading Unreadable { get; } = new(AppointmentOutcome.Unreadable, null);
}
