using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Engine.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Several nodes on one database: the node registry (hub_nodes) and the outbox's lease (who sends a command now, until
    /// when, and the fencing token). Rows from before are unleased.
    /// </summary>
    public partial class ClusterNodesAndOutboxLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseToken",
                table: "outbox",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "outbox",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeasedBy",
                table: "outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hub_nodes",
                columns: table => new
                {
                    NodeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Host = table.Column<string>(type: "text", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    CheckedInAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hub_nodes", x => x.NodeId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hub_nodes");

            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeasedBy",
                table: "outbox");
        }
    }
}
