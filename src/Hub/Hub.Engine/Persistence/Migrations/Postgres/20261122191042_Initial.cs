using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hub.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "adapter_state",
                columns: table => new
                {
                    SystemName = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adapter_state", x => new { x.SystemName, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "case_numbers",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_numbers", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: true),
                    Priority = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Subcategory = table.Column<string>(type: "text", nullable: true),
                    Site = table.Column<string>(type: "text", nullable: true),
                    Building = table.Column<string>(type: "text", nullable: true),
                    Floor = table.Column<string>(type: "text", nullable: true),
                    Room = table.Column<string>(type: "text", nullable: true),
                    ReporterName = table.Column<string>(type: "text", nullable: true),
                    ReporterEmail = table.Column<string>(type: "text", nullable: true),
                    ReporterPhone = table.Column<string>(type: "text", nullable: true),
                    TargetDate = table.Column<long>(type: "bigint", nullable: true),
                    AppointmentStart = table.Column<long>(type: "bigint", nullable: true),
                    AppointmentEnd = table.Column<long>(type: "bigint", nullable: true),
                    Resolution = table.Column<string>(type: "text", nullable: true),
                    OriginSystem = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FieldStamps = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    SystemName = table.Column<string>(type: "text", nullable: false),
                    ExternalId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    SeenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.SystemName, x.ExternalId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    SourceSystem = table.Column<string>(type: "text", nullable: true),
                    SourceRecord = table.Column<string>(type: "text", nullable: true),
                    TargetSystem = table.Column<string>(type: "text", nullable: true),
                    TargetRecord = table.Column<string>(type: "text", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    MappingVersion = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    SystemName = table.Column<string>(type: "text", nullable: false),
                    ExternalId = table.Column<string>(type: "text", nullable: false),
                    ExternalNumber = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: false),
                    UpstreamSystem = table.Column<string>(type: "text", nullable: true),
                    LastWrittenFingerprint = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    TargetSystem = table.Column<string>(type: "text", nullable: false),
                    Operation = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parked_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SystemName = table.Column<string>(type: "text", nullable: false),
                    ExternalId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ParkedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReleasedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parked_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "system_state",
                columns: table => new
                {
                    SystemName = table.Column<string>(type: "text", nullable: false),
                    Watermark = table.Column<string>(type: "text", nullable: true),
                    LastPollAt = table.Column<long>(type: "bigint", nullable: true),
                    LastSuccessfulPollAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_system_state", x => x.SystemName);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_UpdatedAt",
                table: "cases",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_journal_At",
                table: "journal",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_journal_CaseId_Sequence",
                table: "journal",
                columns: new[] { "CaseId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_SourceSystem_At",
                table: "journal",
                columns: new[] { "SourceSystem", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_TargetSystem_At",
                table: "journal",
                columns: new[] { "TargetSystem", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_links_CaseId_SystemName",
                table: "links",
                columns: new[] { "CaseId", "SystemName" });

            migrationBuilder.CreateIndex(
                name: "IX_links_ExternalId",
                table: "links",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_links_ExternalNumber",
                table: "links",
                column: "ExternalNumber");

            migrationBuilder.CreateIndex(
                name: "IX_links_SystemName_ExternalId",
                table: "links",
                columns: new[] { "SystemName", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_links_SystemName_ExternalNumber",
                table: "links",
                columns: new[] { "SystemName", "ExternalNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_CaseId_Id",
                table: "outbox",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_NextAttemptAt",
                table: "outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_TargetSystem_Status",
                table: "outbox",
                columns: new[] { "TargetSystem", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_parked_changes_SystemName_ReleasedAt",
                table: "parked_changes",
                columns: new[] { "SystemName", "ReleasedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adapter_state");

            migrationBuilder.DropTable(
                name: "case_numbers");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "links");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "parked_changes");

            migrationBuilder.DropTable(
                name: "system_state");
        }
    }
}
