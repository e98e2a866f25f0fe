namespace Hub.Adapters.Email.Replies;

/// <summary>What a contractor's answer means.</summary>
internal enum ContractorReplyKind
{
    /// <summary>"akkoord", "accepted".</summary>
    Accepted,

    /// <summary>An appointment with a date and time window.</summary>
    Scheduled,

    /// <summary>"gereed", "klaar", "opgelost", "done".</summary>
    Done,

    /// <summary>"kunnen wij niet aannemen", "we decline": the contractor will not take the order.</summary>
    Refused,

    /// <summary>"wachten op onderdelen", "waiting for parts": the work is held up.</summary>
    Delayed,

    /// <summary>Anything else: passed on as a comment.</summary>
    Comment,

    /// <summary>An out-of-office or other automatic reply: journaled, changes nothing.</summary>
    AutoReply,
}
