namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>The e-mail adapter's tests on the real Dovecot and Postfix, started once for the run (see <see cref="MailServers"/>).</summary>
[CollectionDefinition(Name)]
public sealed class MailServerGroup : ICollectionFixture<MailServers>
{
    public const string Name = "Real Dovecot and Postfix";
}
