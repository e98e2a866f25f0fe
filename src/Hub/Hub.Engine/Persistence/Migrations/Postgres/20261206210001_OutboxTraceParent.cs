using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Engine.Persistence.Migrations.Postgres
{
    /// <summary>The outbox keeps the trace context of the intake that queued a command; rows from before stay without one.</summary>
    public partial class OutboxTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "outbox",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "outbox");
        }
    }
}
