using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordEventDateHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Interpreter",
                table: "CaseRecords",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "DiscardReason",
                table: "CaseRecords",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DiscardedAt",
                table: "CaseRecords",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DiscardedBy",
                table: "CaseRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReassignReason",
                table: "CaseRecords",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReassignedAt",
                table: "CaseRecords",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReassignedBy",
                table: "CaseRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReassignedFrom",
                table: "CaseRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseRecordEventDateChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecordEventDateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecordEventDateChanges_AspNetUsers_ChangedBy",
                        column: x => x.ChangedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecordEventDateChanges_CaseRecords_CaseRecordId",
                        column: x => x.CaseRecordId,
                        principalTable: "CaseRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_DiscardedBy",
                table: "CaseRecords",
                column: "DiscardedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_ReassignedBy",
                table: "CaseRecords",
                column: "ReassignedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecords_ReassignedFrom",
                table: "CaseRecords",
                column: "ReassignedFrom");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordEventDateChanges_CaseRecordId",
                table: "CaseRecordEventDateChanges",
                column: "CaseRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecordEventDateChanges_ChangedBy",
                table: "CaseRecordEventDateChanges",
                column: "ChangedBy");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseRecords_AspNetUsers_DiscardedBy",
                table: "CaseRecords",
                column: "DiscardedBy",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseRecords_AspNetUsers_ReassignedBy",
                table: "CaseRecords",
                column: "ReassignedBy",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseRecords_AspNetUsers_ReassignedFrom",
                table: "CaseRecords",
                column: "ReassignedFrom",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseRecords_AspNetUsers_DiscardedBy",
                table: "CaseRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseRecords_AspNetUsers_ReassignedBy",
                table: "CaseRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseRecords_AspNetUsers_ReassignedFrom",
                table: "CaseRecords");

            migrationBuilder.DropTable(
                name: "CaseRecordEventDateChanges");

            migrationBuilder.DropIndex(
                name: "IX_CaseRecords_DiscardedBy",
                table: "CaseRecords");

            migrationBuilder.DropIndex(
                name: "IX_CaseRecords_ReassignedBy",
                table: "CaseRecords");

            migrationBuilder.DropIndex(
                name: "IX_CaseRecords_ReassignedFrom",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "DiscardReason",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "DiscardedAt",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "DiscardedBy",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "ReassignReason",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "ReassignedAt",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "ReassignedBy",
                table: "CaseRecords");

            migrationBuilder.DropColumn(
                name: "ReassignedFrom",
                table: "CaseRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Interpreter",
                table: "CaseRecords",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
