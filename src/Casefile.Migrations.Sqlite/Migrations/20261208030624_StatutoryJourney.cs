using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatutoryJourney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrimaryNeed",
                table: "Referrals",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Referrals",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabilityCodes",
                table: "People",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NhsNumber",
                table: "People",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upn",
                table: "People",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonForClosure",
                table: "ClosureRequests",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonForClosure",
                table: "CaseFiles",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FactorCodes",
                table: "AssessmentsAndPlans",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LookedAfterEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LegalStatus = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlacementType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReasonForNewEpisode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlacementProvider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonEnded = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterEpisodes_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LookedAfterEpisodes_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDiscussionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitialConferenceDueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Section47EnquiryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedByConferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitIntervalWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reviews = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_StartedByConferenceId",
                        column: x => x.StartedByConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_CaseFileId_HeldOn",
                table: "ChildProtectionConferences",
                columns: new[] { "CaseFileId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_RecordedById",
                table: "ChildProtectionConferences",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_CaseFileId_EndedOn",
                table: "ChildProtectionPlans",
                columns: new[] { "CaseFileId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EndedOn",
                table: "ChildProtectionPlans",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_StartedByConferenceId",
                table: "ChildProtectionPlans",
                column: "StartedByConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_CaseFileId_HeldOn",
                table: "CoreGroupMeetings",
                columns: new[] { "CaseFileId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_PlanId",
                table: "CoreGroupMeetings",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_RecordedById",
                table: "CoreGroupMeetings",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterEpisodes_CaseFileId_StartedOn",
                table: "LookedAfterEpisodes",
                columns: new[] { "CaseFileId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterEpisodes_EndedOn",
                table: "LookedAfterEpisodes",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterEpisodes_RecordedById",
                table: "LookedAfterEpisodes",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_CaseFileId_HeldOn",
                table: "LookedAfterReviews",
                columns: new[] { "CaseFileId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_RecordedById",
                table: "LookedAfterReviews",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_CaseFileId_StartedOn",
                table: "Section47Enquiries",
                columns: new[] { "CaseFileId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_RecordedById",
                table: "Section47Enquiries",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_CaseFileId_HeldOn",
                table: "StrategyDiscussions",
                columns: new[] { "CaseFileId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_RecordedById",
                table: "StrategyDiscussions",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoreGroupMeetings");

            migrationBuilder.DropTable(
                name: "LookedAfterEpisodes");

            migrationBuilder.DropTable(
                name: "LookedAfterReviews");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "PrimaryNeed",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "DisabilityCodes",
                table: "People");

            migrationBuilder.DropColumn(
                name: "NhsNumber",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Upn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ReasonForClosure",
                table: "ClosureRequests");

            migrationBuilder.DropColumn(
                name: "ReasonForClosure",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "FactorCodes",
                table: "AssessmentsAndPlans");
        }
    }
}
