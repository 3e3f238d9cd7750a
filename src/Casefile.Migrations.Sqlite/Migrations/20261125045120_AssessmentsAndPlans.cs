using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentsAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentsAndPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountsFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TimesReturned = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyContribution = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    HowShared = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OrderSought = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecommendsNoFurtherAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentsAndPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentsAndPlans_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentsAndPlans_AspNetUsers_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentsAndPlans_AspNetUsers_EndedBy",
                        column: x => x.EndedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentsAndPlans_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentsAndPlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_AuthorId_Status",
                table: "AssessmentsAndPlans",
                columns: new[] { "AuthorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_CaseFileId_Status",
                table: "AssessmentsAndPlans",
                columns: new[] { "CaseFileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_DecidedBy",
                table: "AssessmentsAndPlans",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_EndedBy",
                table: "AssessmentsAndPlans",
                column: "EndedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_ReferralId",
                table: "AssessmentsAndPlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentsAndPlans_Status_SubmittedAt",
                table: "AssessmentsAndPlans",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentsAndPlans");
        }
    }
}
