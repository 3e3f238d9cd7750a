using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetentionAndDisposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEvents_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareEvents_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DestructionTombstones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Categories = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RetentionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RuleApplied = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ScheduleVersion = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordsRemoved = table.Column<int>(type: "integer", nullable: false),
                    DocumentsRemoved = table.Column<int>(type: "integer", nullable: false),
                    EmailsRemoved = table.Column<int>(type: "integer", nullable: false),
                    ContentItemsRemoved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DestructionTombstones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisposalReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KeepReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    KeptBy = table.Column<Guid>(type: "uuid", nullable: true),
                    KeptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProposalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisposalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisposalReviews_AspNetUsers_ConfirmedBy",
                        column: x => x.ConfirmedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisposalReviews_AspNetUsers_KeptBy",
                        column: x => x.KeptBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisposalReviews_AspNetUsers_ProposedBy",
                        column: x => x.ProposedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisposalReviews_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlacedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LiftedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiftReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalHolds_AspNetUsers_LiftedBy",
                        column: x => x.LiftedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_AspNetUsers_PlacedBy",
                        column: x => x.PlacedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionCategoryAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeceasedOrWithdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionCategoryAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetentionCategoryAssignments_AspNetUsers_AddedBy",
                        column: x => x.AddedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RetentionCategoryAssignments_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetentionScheduleVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionScheduleVersions", x => x.Version);
                    table.ForeignKey(
                        name: "FK_RetentionScheduleVersions_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareEvents_CaseFileId",
                table: "CareEvents",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CareEvents_RecordedBy",
                table: "CareEvents",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_DestructionTombstones_CaseReference",
                table: "DestructionTombstones",
                column: "CaseReference");

            migrationBuilder.CreateIndex(
                name: "IX_DestructionTombstones_ConfirmedAt",
                table: "DestructionTombstones",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalReviews_CaseFileId",
                table: "DisposalReviews",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalReviews_ConfirmedBy",
                table: "DisposalReviews",
                column: "ConfirmedBy");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalReviews_KeptBy",
                table: "DisposalReviews",
                column: "KeptBy");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalReviews_ProposedBy",
                table: "DisposalReviews",
                column: "ProposedBy");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalReviews_Status_Kind_DueOn",
                table: "DisposalReviews",
                columns: new[] { "Status", "Kind", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_CaseFileId_LiftedAt",
                table: "LegalHolds",
                columns: new[] { "CaseFileId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_LiftedBy",
                table: "LegalHolds",
                column: "LiftedBy");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_PlacedBy",
                table: "LegalHolds",
                column: "PlacedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionCategoryAssignments_AddedBy",
                table: "RetentionCategoryAssignments",
                column: "AddedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionCategoryAssignments_CaseFileId",
                table: "RetentionCategoryAssignments",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionScheduleVersions_ChangedById",
                table: "RetentionScheduleVersions",
                column: "ChangedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareEvents");

            migrationBuilder.DropTable(
                name: "DestructionTombstones");

            migrationBuilder.DropTable(
                name: "DisposalReviews");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "RetentionCategoryAssignments");

            migrationBuilder.DropTable(
                name: "RetentionScheduleVersions");
        }
    }
}
