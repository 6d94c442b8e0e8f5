"""Who may do what: need-to-know per role, enforced in inbox.services (not only in the UI)."""

from __future__ import annotations

from enum import StrEnum

from inbox.model import Role


class Permission(StrEnum):
    LIST_CASES = "list_cases"  # reference, subject, status, who: the case list
    READ_CONTENT = "read_content"  # messages, notes, timeline, search
    WORK_CASES = "work_cases"  # assign, status, notes, replies, phone/counter notes, import
    VIEW_STATS = "view_stats"  # counts only
    MANAGE = "manage"  # accounts, users, settings
    ARCHIVE = "archive"  # retention, destruction, MDTO
    EXPORT_PERSONAL = "export_personal"  # AVG inzage and Woo exports (logged)
    VIEW_AUDIT = "view_audit"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.MEDEWERKER: frozenset(
        {
            Permission.LIST_CASES,
            Permission.READ_CONTENT,
            Permission.WORK_CASES,
            Permission.VIEW_STATS,
        }
    ),
    Role.TEAMLEIDER: frozenset({Permission.VIEW_STATS}),
    Role.ARCHIVARIS: frozenset(
        {
            Permission.LIST_CASES,
            Permission.ARCHIVE,
            Permission.EXPORT_PERSONAL,
            Permission.VIEW_AUDIT,
            Permission.VIEW_STATS,
        }
    ),
    Role.BEHEERDER: frozenset({Permission.MANAGE, Permission.VIEW_AUDIT}),
}

ROLE_LABELS = {
    Role.MEDEWERKER: "medewerker KCC",
    Role.TEAMLEIDER: "teamleider",
    Role.ARCHIVARIS: "archivaris",
    Role.BEHEERDER: "beheerder",
}

REFUSALS = {
    Permission.LIST_CASES: "U mag de zaken niet inzien.",
    Permission.READ_CONTENT: "U mag de inhoud van zaken niet lezen.",
    Permission.WORK_CASES: "U mag zaken niet behandelen.",
    Permission.VIEW_STATS: "U mag de cijfers niet inzien.",
    Permission.MANAGE: "Dit mag alleen een beheerder.",
    Permission.ARCHIVE: "Dit mag alleen een archivaris.",
    Permission.EXPORT_PERSONAL: "Dit mag alleen een archivaris.",
    Permission.VIEW_AUDIT: "Dit mag alleen een beheerder of archivaris.",
}


def allowed(role: Role | None, permission: Permission) -> bool:
    return role is not None and permission in GRANTS[role]
