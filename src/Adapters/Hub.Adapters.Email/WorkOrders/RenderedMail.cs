namespace Hub.Adapters.Email.WorkOrders;

/// <summary>A mail's subject and its two bodies, filled in and escaped.</summary>
internal sealed record RenderedMail(string Subject, string PlainBody, string HtmlBody);
