using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TransfersAndClosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CareLeaverWithAdultServices",
                table: "CaseFiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromTeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToTeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionsUndertaken = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Plan = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ReasonForInvolvement = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_AspNetUsers_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_AspNetUsers_FromWorkerId",
                        column: x => x.FromWorkerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_AspNetUsers_RequestedBy",
                        column: x => x.RequestedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_AspNetUsers_ToWorkerId",
                        column: x => x.ToWorkerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_FromTeamId",
                        column: x => x.FromTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClosureRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Volume = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Checklist = table.Column<string>(type: "text", nullable: false),
                    LetterRecipients = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionsAndOutcomes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ContinuingSupport = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    OtherProfessionals = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ReasonForInvolvement = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosureRequests_AspNetUsers_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClosureRequests_AspNetUsers_RequestedBy",
                        column: x => x.RequestedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClosureRequests_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdminTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosureRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CompletedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdminTasks_AspNetUsers_CompletedBy",
                        column: x => x.CompletedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdminTasks_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdminTasks_ClosureRequests_ClosureRequestId",
                        column: x => x.ClosureRequestId,
                        principalTable: "ClosureRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdminTasks_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminTasks_CaseFileId",
                table: "AdminTasks",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AdminTasks_ClosureRequestId",
                table: "AdminTasks",
                column: "ClosureRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AdminTasks_CompletedBy",
                table: "AdminTasks",
                column: "CompletedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AdminTasks_TeamId_Status_CreatedAt",
                table: "AdminTasks",
                columns: new[] { "TeamId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_CaseFileId_Status",
                table: "CaseTransfers",
                columns: new[] { "CaseFileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_DecidedBy",
                table: "CaseTransfers",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_FromTeamId",
                table: "CaseTransfers",
                column: "FromTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_FromWorkerId",
                table: "CaseTransfers",
                column: "FromWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_RequestedBy",
                table: "CaseTransfers",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_ToTeamId_Status",
                table: "CaseTransfers",
                columns: new[] { "ToTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_ToWorkerId",
                table: "CaseTransfers",
                column: "ToWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureRequests_CaseFileId_Status",
                table: "ClosureRequests",
                columns: new[] { "CaseFileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureRequests_DecidedBy",
                table: "ClosureRequests",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureRequests_RequestedBy",
                table: "ClosureRequests",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureRequests_Status_RequestedAt",
                table: "ClosureRequests",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminTasks");

            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropTable(
                name: "ClosureRequests");

            migrationBuilder.DropColumn(
                name: "CareLeaverWithAdultServices",
                table: "CaseFiles");
        }
    }
}
