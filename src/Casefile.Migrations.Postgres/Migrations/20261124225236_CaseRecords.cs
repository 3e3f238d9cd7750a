using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponsibleWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordBy = table.Column<DateOnly>(type: "date", nullable: false),
                    FinalisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WorkingDaysLate = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedFromCaseFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildProtectionEnquiry = table.Column<bool>(type: "boolean", nullable: false),
                    ChildSeen = table.Column<bool>(type: "boolean", nullable: true),
                    ChildSeenAlone = table.Column<bool>(type: "boolean", nullable: true),
                    ChildViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    DocumentReferences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FamilyViews = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    HandwrittenNotesDestroyed = table.Column<bool>(type: "boolean", nullable: false),
                    Interpreter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InterpreterDispensedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Narrative = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Present = table.Column<string>(type: "text", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReferralAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferralPurpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Seen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Significant = table.Column<bool>(type: "boolean", nullable: false),
                    SpokenTo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VideoRecorded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecords_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecords_AspNetUsers_ResponsibleWorkerId",
                        column: x => x.ResponsibleWorkerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecords_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChronologyEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    Significant = table.Column<bool>(type: "boolean", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    AddendumCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronologyEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronologyEntries_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ImportedBankHolidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsSubstituteDay = table.Column<bool>(type: "boolean", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedBankHolidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CaseRecordAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecordAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecordAddenda_AspNetUsers_AddedBy",
                        column: x => x.AddedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecordAddenda_CaseRecords_CaseRecordId",
                        column: x => x.CaseRecordId,
                        principalTable: "CaseRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseRecordMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToCaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecordMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecordMoves_AspNetUsers_RequestedBy",
                        column: x => x.RequestedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecordMoves_CaseFiles_FromCaseFileId",
                        column: x => x.FromCaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecordMoves_CaseFiles_ToCaseFileId",
                        column: x => x.ToCaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecordMoves_CaseRecords_CaseRecordId",
                        column: x => x.CaseRecordId,
                        principalTable: "CaseRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordAddenda_AddedBy",
                table: "CaseRecordAddenda",
                column: "AddedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordAddenda_CaseRecordId",
                table: "CaseRecordAddenda",
                column: "CaseRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordMoves_CaseRecordId",
                table: "CaseRecordMoves",
                column: "CaseRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordMoves_FromCaseFileId",
                table: "CaseRecordMoves",
                column: "FromCaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordMoves_RequestedBy",
                table: "CaseRecordMoves",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordMoves_Status_RequestedAt",
                table: "CaseRecordMoves",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordMoves_ToCaseFileId",
                table: "CaseRecordMoves",
                column: "ToCaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_CaseFileId_Status",
                table: "CaseRecords",
                columns: new[] { "CaseFileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_RecordedBy_Status_RecordBy",
                table: "CaseRecords",
                columns: new[] { "RecordedBy", "Status", "RecordBy" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_ResponsibleWorkerId",
                table: "CaseRecords",
                column: "ResponsibleWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEntries_CaseFileId_OccurredAt_Id",
                table: "ChronologyEntries",
                columns: new[] { "CaseFileId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEntries_SourceId",
                table: "ChronologyEntries",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseRecordAddenda");

            migrationBuilder.DropTable(
                name: "CaseRecordMoves");

            migrationBuilder.DropTable(
                name: "ChronologyEntries");

            migrationBuilder.DropTable(
                name: "CouncilSettings");

            migrationBuilder.DropTable(
                name: "ImportedBankHolidays");

            migrationBuilder.DropTable(
                name: "CaseRecords");
        }
    }
}
