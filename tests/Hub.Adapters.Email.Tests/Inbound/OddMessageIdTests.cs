using Hub.Adapters.Email.Inbound;
using Hub.Adapters.Email.Tests.Support;
using Hub.Adapters.Email.WorkOrders;
using Hub.Engine.Persistence;
using Hub.Testing.Engine;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Inbound;

/// <summary>
/// A reply's In-Reply-To and References are the sender's words: one that no hub could have made (a NUL, a control
/// character) must not reach the hub's database, where PostgreSQL refuses a NUL in text and the refusal would read as
/// the database failing: the contractor's inbox would stop at that mail for good.
/// </summary>
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class OddMessageIdTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData("odd\u0000id@contractor.example")]
    [InlineData("odd\u0007id@contractor.example")]
    public async Task A_reply_referring_to_a_message_id_no_hub_makes_is_not_looked_up_and_matches_no_order(string odd)
    {
        var database = await PostgresTestDatabase.CreateAsync(postgres, started: true);
        await using var _ = database;
        var matcher = new WorkOrderMatcher(new WorkOrderStore(new DatabaseAdapterStateStore(database.Database), EmailSystem.SystemName), EmailSystem.SystemName);
        var reply = new MimeMessage { Subject = "Re: werkbon" };
        reply.References.Add(odd);

        Assert.Contains(odd, reply.References);
        Assert.Null(await matcher.FindAsync(reply, Samples.Timeout()));
    }
}
