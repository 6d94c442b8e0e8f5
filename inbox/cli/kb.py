"""Command line of the kennisbank, suggestions and trends (registered in inbox.cli.MODULES).

`kb import|export|search|list|show|add|edit|history|use|health|usage`, `suggest REF` and
`trends`. (A beheerder gives a medewerker the right to edit: `user grant LOGIN kennisbank`.)
"""

from __future__ import annotations

import argparse
from typing import Any

from inbox.cli.common import count_arg, date_arg, emit, existing_file, new_path
from inbox.errors import InvalidInput

Argument = tuple[tuple[str, ...], dict[str, Any]]
ARTICLE: Argument = (("article",), {"help": "number, uid or title"})
STATUS: Argument = (("--status",), {"choices": ["concept", "actief", "verlopen"]})


def _days(default: int) -> Argument:
    return (("--days",), {"type": count_arg, "default": default})


def _command(parent: Any, name: str, help_text: str, handler: Any,
             *arguments: Argument) -> Any:
    """One subcommand with its arguments and --json."""
    q = parent.add_parser(name, help=help_text)
    for flags, options in arguments:
        q.add_argument(*flags, **options)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=handler)
    return q


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("kb", help="the kennisbank: articles, import/export, search")
    kb = p.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    _command(kb, "import", "import articles from a .csv or .json file", cmd_import,
             (("file",), {"type": existing_file}),
             (("--all-or-nothing",), {"action": "store_true",
                                      "help": "store nothing when any row is wrong"}))
    _command(kb, "export", "write every article to a .csv or .json file", cmd_export,
             (("--out",), {"type": new_path, "required": True}))
    _command(kb, "search", "find articles", cmd_search, (("query",), {}),
             (("--limit",), {"type": count_arg, "default": 10}))
    _command(kb, "list", "all articles", cmd_list, STATUS)
    _command(kb, "show", "one article", cmd_show, ARTICLE)
    _command(kb, "history", "every version of an article", cmd_history, ARTICLE)
    fields: list[Argument] = [
        (("--title",), {}),
        (("--question",), {"action": "append", "dest": "questions", "metavar": "TEXT",
                           "help": "a question residents ask (repeat; replaces the questions)"}),
        (("--answer",), {}),
        (("--answer-file",), {"type": existing_file}),
        *[((f"--{name}",), {}) for name in ("product", "link", "department", "owner")],
        (("--review-on",), {"type": date_arg, "metavar": "YYYY-MM-DD"}),
        STATUS,
    ]
    _command(kb, "add", "a new article", cmd_edit, *fields)
    _command(kb, "edit", "change an article", cmd_edit, ARTICLE, *fields)
    _command(kb, "use", "count one use of an article's answer", cmd_use, ARTICLE,
             (("--place",), {"default": "cli", "help": "where (antwoord, telefoonnotitie)"}))
    _command(kb, "health", "due for review, never used, searches without result", cmd_health,
             _days(90))
    _command(kb, "usage", "how often each article's answer was used", cmd_usage, _days(30))
    _command(sub, "suggest", "the three articles that best fit a case", cmd_suggest,
             (("reference",), {}), (("--limit",), {"type": count_arg, "default": 3}))
    _command(sub, "trends", "what residents ask about: topics and spikes", cmd_trends,
             _days(28),
             (("--cases",), {"metavar": "PHRASE", "help": "the cases of a spike"}),
             (("--signal",), {"metavar": "PHRASE", "help": "mail a spike's signal"}),
             (("--to",), {"metavar": "ADDRESS", "help": "recipient of --signal"}))


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
