using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyedJournalAndVerifiedHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "journal",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "journal_heads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Seal = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_heads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_journal_heads_Sequence",
                table: "journal_heads",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journal_heads");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "journal");
        }
    }
}
