using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperFileRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperFileVolumes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolumeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CurrentRemovalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFileVolumes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFileVolumes_AspNetUsers_AddedById",
                        column: x => x.AddedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileVolumes_AspNetUsers_HolderId",
                        column: x => x.HolderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileVolumes_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperFileRemovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolumeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpectedReturn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MarkedOutById = table.Column<Guid>(type: "TEXT", nullable: true),
                    MarkedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFileRemovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_AspNetUsers_MarkedOutById",
                        column: x => x.MarkedOutById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_AspNetUsers_ReturnedById",
                        column: x => x.ReturnedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileRemovals_PaperFileVolumes_VolumeId",
                        column: x => x.VolumeId,
                        principalTable: "PaperFileVolumes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperFileMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolumeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFileMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFileMovements_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileMovements_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileMovements_PaperFileRemovals_RemovalId",
                        column: x => x.RemovalId,
                        principalTable: "PaperFileRemovals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperFileMovements_PaperFileVolumes_VolumeId",
                        column: x => x.VolumeId,
                        principalTable: "PaperFileVolumes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileMovements_ById",
                table: "PaperFileMovements",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileMovements_CaseFileId",
                table: "PaperFileMovements",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileMovements_RemovalId",
                table: "PaperFileMovements",
                column: "RemovalId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileMovements_VolumeId_At",
                table: "PaperFileMovements",
                columns: new[] { "VolumeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_CaseFileId",
                table: "PaperFileRemovals",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_DecidedById",
                table: "PaperFileRemovals",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_MarkedOutById",
                table: "PaperFileRemovals",
                column: "MarkedOutById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_RequestedById",
                table: "PaperFileRemovals",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_ReturnedById",
                table: "PaperFileRemovals",
                column: "ReturnedById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_Status_RequestedById",
                table: "PaperFileRemovals",
                columns: new[] { "Status", "RequestedById" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileRemovals_VolumeId_Status",
                table: "PaperFileRemovals",
                columns: new[] { "VolumeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileVolumes_AddedById",
                table: "PaperFileVolumes",
                column: "AddedById");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileVolumes_CaseFileId_VolumeNumber",
                table: "PaperFileVolumes",
                columns: new[] { "CaseFileId", "VolumeNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileVolumes_HolderId",
                table: "PaperFileVolumes",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFileVolumes_Status",
                table: "PaperFileVolumes",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperFileMovements");

            migrationBuilder.DropTable(
                name: "PaperFileRemovals");

            migrationBuilder.DropTable(
                name: "PaperFileVolumes");
        }
    }
}
