"""Command line of the kennisbank, suggestions and trends (registered in inbox.cli.MODULES).

`kb import|export|search|list|show|add|edit|history|health|usage`, `suggest REF`, `trends`,
and `user grant|revoke LOGIN kennisbank` (a beheerder gives a medewerker the right to edit).
"""

from __future__ import annotations

import argparse
from typing import Any

from inbox.cli.common import count_arg, date_arg, emit, existing_file, new_path
from inbox.errors import InvalidInput


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("kb", help="the kennisbank: articles, import/export, search")
    kb = p.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    q = kb.add_parser("import", help="import articles from a .csv or .json file")
    q.add_argument("file", type=existing_file)
    q.add_argument("--all-or-nothing", action="store_true",
                   help="store nothing when any row is wrong")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_import)
    q = kb.add_parser("export", help="write every article to a .csv or .json file")
    q.add_argument("--out", type=new_path, required=True)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_export)
    q = kb.add_parser("search", help="find articles")
    q.add_argument("query")
    q.add_argument("--limit", type=count_arg, default=10)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_search)
    q = kb.add_parser("list", help="all articles")
    q.add_argument("--status", choices=["concept", "actief", "verlopen"])
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)
    q = kb.add_parser("show", help="one article (by number, uid or title)")
    q.add_argument("article")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_show)
    q = kb.add_parser("history", help="every version of an article")
    q.add_argument("article")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_history)
    for name, help_text in (("add", "a new article"), ("edit", "change an article")):
        q = kb.add_parser(name, help=help_text)
        if name == "edit":
            q.add_argument("article")
        q.add_argument("--title")
        q.add_argument("--question", action="append", dest="questions", metavar="TEXT",
                       help="a question residents ask (repeat; replaces the questions)")
        q.add_argument("--answer")
        q.add_argument("--answer-file", type=existing_file)
        q.add_argument("--product")
        q.add_argument("--link")
        q.add_argument("--department")
        q.add_argument("--owner")
        q.add_argument("--review-on", type=date_arg, metavar="YYYY-MM-DD")
        q.add_argument("--status", choices=["concept", "actief", "verlopen"])
        q.add_argument("--json", action="store_true")
        q.set_defaults(handler=cmd_edit)
    q = kb.add_parser("use", help="count one use of an article's answer")
    q.add_argument("article")
    q.add_argument("--place", default="cli", help="where it was used (antwoord, telefoonnotitie)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_use)
    q = kb.add_parser("health", help="due for review, never used, searches without result")
    q.add_argument("--days", type=count_arg, default=90)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_health)
    q = kb.add_parser("usage", help="how often each article's answer was used")
    q.add_argument("--days", type=count_arg, default=30)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_usage)

    p = sub.add_parser("suggest", help="the three articles that best fit a case")
    p.add_argument("reference")
    p.add_argument("--limit", type=count_arg, default=3)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_suggest)

    p = sub.add_parser("trends", help="what residents ask about: topics and spikes")
    p.add_argument("--days", type=count_arg, default=28)
    p.add_argument("--cases", metavar="PHRASE", help="the cases of a spike")
    p.add_argument("--signal", metavar="PHRASE", help="mail a spike's signal")
    p.add_argument("--to", metavar="ADDRESS", help="recipient of --signal")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trends)

    p = sub.add_parser("user", help="rights of one person on top of their role")
    u = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    for name in ("grant", "revoke"):
        q = u.add_parser(name, help=f"{name} a right (kennisbank)")
        q.add_argument("login")
        q.add_argument("right", choices=["kennisbank"])
        q.add_argument("--json", action="store_true")
        q.set_defaults(handler=cmd_user_grant)


def cmd_import(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import transfer

    report = transfer.import_file(loket, args.file, all_or_nothing=args.all_or_nothing)
    lines = [f"{report.created} nieuw, {report.updated} bijgewerkt, {report.unchanged} "
             f"ongewijzigd, {len(report.errors)} fout"]
    if not report.kept:
        lines = ["Niets opgeslagen: het bestand heeft fouten (--all-or-nothing)."]
    lines += [f"  regel {e['regel']}: {e['fout']}" for e in report.errors]
    emit(args, report.as_json(), "\n".join(lines))
    return 1 if report.errors else 0


def cmd_export(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import transfer

    count = transfer.export(loket, args.out)
    emit(args, {"artikelen": count, "bestand": str(args.out)},
         f"{count} artikelen geschreven naar {args.out}")
    return 0


def cmd_search(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import search

    hits = search.search(loket, args.query, limit=args.limit)
    if not hits:
        search.record_miss(loket, args.query)
    emit(args, [h.as_json() for h in hits],
         "\n".join(f"{h.score:6.2f}  {h.article.title}" for h in hits) or "Niets gevonden.")
    return 0


def _article_line(a: Any) -> str:
    return f"{a.title}  [{a.status.value}, {a.product or '-'}, versie {a.version}]"


def cmd_list(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    found = articles.articles(loket, args.status)
    emit(args, [a.as_json() for a in found], "\n".join(_article_line(a) for a in found))
    return 0


def cmd_show(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    a = articles.article(loket, args.article)
    text = "\n".join([
        _article_line(a), "", *(f"- {q}" for q in a.questions), "", a.answer, "",
        f"Link: {a.link}", f"Afdeling: {a.department}  Eigenaar: {a.owner}  "
        f"Herzien op: {a.review_on or '-'}",
    ])
    emit(args, a.as_json(), text)
    return 0


def cmd_history(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    found = articles.history(loket, args.article)
    emit(args, found, "\n".join(
        f"versie {v['version']}: {v['at']} door {v['author']} ({v['content']['status']})"
        for v in found))
    return 0


def cmd_edit(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    key = getattr(args, "article", None)
    fields: dict[str, Any] = {}
    if key is not None:
        current = articles.article(loket, key)
        fields = current.content()
    answer = args.answer
    if args.answer_file is not None:
        try:
            answer = args.answer_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"{args.answer_file} kan niet worden gelezen: {exc}") from exc
    given = {"title": args.title, "questions": args.questions, "answer": answer,
             "product": args.product, "link": args.link, "department": args.department,
             "owner": args.owner, "review_on": args.review_on, "status": args.status}
    fields.update({k: v for k, v in given.items() if v is not None})
    articles.save(loket, fields, key)
    title = str(fields.get("title") or "")
    emit(args, {"titel": title}, f"Artikel '{title}' opgeslagen.")
    return 0


def cmd_use(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    articles.record_use(loket, args.article, args.place)
    emit(args, {"artikel": args.article}, "Gebruik geteld.")
    return 0


def cmd_health(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    found = articles.health(loket, days=args.days)
    lines = [f"Te herzien: {len(found['te_herzien'])}"]
    lines += [f"  {d['herzien_op']}  {d['titel']} ({d['eigenaar'] or '-'})"
              for d in found["te_herzien"]]
    lines.append(f"Nooit gebruikt: {len(found['nooit_gebruikt'])}")
    lines += [f"  {d['titel']}" for d in found["nooit_gebruikt"]]
    lines.append(f"Zoekvragen zonder resultaat: {len(found['zonder_resultaat'])}")
    lines += [f"  {d['aantal']}x  {d['zoekvraag']}" for d in found["zonder_resultaat"]]
    emit(args, found, "\n".join(lines))
    return 0


def cmd_usage(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    found = articles.usage(loket, days=args.days)
    emit(args, found, "\n".join(f"{d['recent']:4d} {d['totaal']:5d}  {d['titel']}"
                                for d in found))
    return 0


def cmd_suggest(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import search

    hits = search.suggest(loket, args.reference, limit=args.limit)
    emit(args, [h.as_json() for h in hits],
         "\n".join(f"{h.score:6.2f}  {h.article.title}" for h in hits) or "Geen suggesties.")
    return 0


def cmd_trends(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import trends

    if args.days < 2 or args.days > 366:
        raise InvalidInput("Kies --days tussen 2 en 366.")
    if args.signal:
        if not args.to:
            raise InvalidInput("Geef met --to het adres voor het signaal.")
        sent = trends.send_signal(loket, args.signal, args.to, days=args.days)
        emit(args, sent, f"Signaal over '{args.signal}' staat klaar om te verzenden "
                         f"naar {args.to}.")
        return 0
    if args.cases:
        cases = trends.spike_cases(loket, args.cases, days=args.days)
        emit(args, cases, "\n".join(f"{c['reference']}  {c['status']}  {c['subject']}"
                                    for c in cases) or "Geen zaken.")
        return 0
    report = trends.trends(loket, days=args.days)
    lines = ["Pieken vandaag:"] + [f"  {s['tekst']}" for s in report["pieken"]]
    lines.append("Onderwerpen deze week:")
    lines += [f"  {t['onderwerp']}: {t['deze_week']} (eerder {t['per_week_eerder']} per week)"
              for t in report["onderwerpen"]]
    emit(args, report, "\n".join(lines))
    return 0


def cmd_user_grant(loket: Any, args: argparse.Namespace) -> int:
    from inbox.kb import articles

    on = args.user_command == "grant"
    articles.set_grant(loket, args.login, args.right, on)
    verb = "heeft nu" if on else "heeft niet meer"
    emit(args, {"login": args.login, "recht": args.right, "aan": on},
         f"{args.login} {verb} het recht '{args.right}'.")
    return 0
