using System.Text;
using Hub.Adapters.Email.Inbound;
using Hub.Adapters.Email.Options;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Authentication;

/// <summary>
/// A contractor's reply as it lies in the hub's mailbox: the header lines the servers on its way put on top (newest
/// first, folded as they write them), then the lines its sender wrote (where a forger puts his own), then the text.
/// </summary>
internal static class StampedReply
{
    public const string From = "loodgieter@contractor.example";

    public static MimeMessage With(string stamped, string senderWrote = "")
    {
        var raw = Lines(stamped) + Lines(senderWrote) + Lines($"""
            From: Jan de Vries <{From}>
            To: hub@facility.example
            Subject: Re: [WO-7K3QX9PM] Toilet verstopt, 2e verdieping
            Date: Mon, 23 Nov 2026 08:41:02 +0100
            Message-ID: <CAF3x9q1@mail.contractor.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            gereed, afvoer ontstopt
            """);
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
    }

    /// <summary>Why the reply is not believed, or null when it is.</summary>
    public static string? Refusal(MimeMessage reply, SenderAuthenticationRequirement require, string authServId) =>
        new SenderAuthentication(new SenderAuthenticationOptions { Require = require, AuthServId = authServId })
            .RefusalFor(reply, reply.From.Mailboxes.Single());

    private static string Lines(string text) =>
        text.Length == 0 ? string.Empty : string.Join("\r\n", text.ReplaceLineEndings("\n").Split('\n')) + "\r\n";
}
