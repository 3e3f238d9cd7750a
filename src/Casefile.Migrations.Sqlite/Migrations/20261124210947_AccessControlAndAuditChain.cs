using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessControlAndAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRestricted",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReasonHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GrantedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseRestrictions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RestrictedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RestrictedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LiftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiftedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRestrictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRestrictions_AspNetUsers_RestrictedBy",
                        column: x => x.RestrictedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRestrictions_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GiverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedFormReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAccesses_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyAccesses_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharingWithoutConsent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingWithoutConsent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharingWithoutConsent_AspNetUsers_AgreedBy",
                        column: x => x.AgreedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharingWithoutConsent_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHead",
                columns: new[] { "Id", "LastHash", "LastSequence", "Version" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_CaseFileId_UserId_Kind",
                table: "CaseAccessGrants",
                columns: new[] { "CaseFileId", "UserId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_UserId_Kind",
                table: "CaseAccessGrants",
                columns: new[] { "UserId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRestrictions_CaseFileId_LiftedAt",
                table: "CaseRestrictions",
                columns: new[] { "CaseFileId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRestrictions_RestrictedBy",
                table: "CaseRestrictions",
                column: "RestrictedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRestrictions_ReviewOn",
                table: "CaseRestrictions",
                column: "ReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_CaseFileId",
                table: "Consents",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_CaseFileId_UserId_ExpiresAt",
                table: "EmergencyAccesses",
                columns: new[] { "CaseFileId", "UserId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_ReviewedAt",
                table: "EmergencyAccesses",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_UserId",
                table: "EmergencyAccesses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SharingWithoutConsent_AgreedBy",
                table: "SharingWithoutConsent",
                column: "AgreedBy");

            migrationBuilder.CreateIndex(
                name: "IX_SharingWithoutConsent_CaseFileId",
                table: "SharingWithoutConsent",
                column: "CaseFileId");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHead");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "CaseAccessGrants");

            migrationBuilder.DropTable(
                name: "CaseRestrictions");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "EmergencyAccesses");

            migrationBuilder.DropTable(
                name: "SharingWithoutConsent");

            migrationBuilder.DropColumn(
                name: "IsRestricted",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ReasonHash",
                table: "AuditEvents");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);
        }
    }
}
