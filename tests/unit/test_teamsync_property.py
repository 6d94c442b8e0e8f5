"""Property: any interleaving of edits, syncs, delayed reads and duplicate deliveries ends with
identical state on every laptop once all have synced."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inbox import casework
from inbox.errors import LoketError
from inbox.model import Channel
from inbox.teamsync import engine
from inbox.teamsync.engine import FolderInfo
from tests.unit.test_teamsync_support import KEY, Inbox, laptop, ref, states, sync, team_uids


class Delayed:
    """A view on the folder that shows only the first `visible` messages (a slow server)."""

    def __init__(self, folder: engine.MemoryFolder, visible: int) -> None:
        self.folder = folder
        self.name = folder.name
        self.visible = visible

    def select(self) -> FolderInfo:
        shown = self.folder.messages[: self.visible]
        return FolderInfo(self.folder.uidvalidity, len(shown), (shown[-1][0] + 1) if shown else 1)

    def fetch(self, first_uid: int) -> Iterable[list[tuple[int, bytes]]]:
        shown = [(u, r) for u, r in self.folder.messages[: self.visible] if u >= first_uid]
        if shown:
            yield shown

    def append(self, raw: bytes) -> int | None:
        return self.folder.append(raw)


USERS = ("anne", "bram", "cas")
STATUSES = ("in_behandeling", "wacht_op_inwoner", "afgerond", "nieuw")

step = st.one_of(
    st.tuples(st.just("assign"), st.integers(0, 2), st.integers(0, 3), st.sampled_from(USERS)),
    st.tuples(st.just("status"), st.integers(0, 2), st.integers(0, 3), st.sampled_from(STATUSES)),
    st.tuples(st.just("note"), st.integers(0, 2), st.integers(0, 3), st.text("abc ", max_size=8)),
    st.tuples(st.just("phone"), st.integers(0, 2), st.integers(0, 3), st.just("")),
    st.tuples(st.just("mail"), st.integers(0, 2), st.integers(0, 3), st.just("")),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 100), st.just("")),
    st.tuples(st.just("dup"), st.integers(0, 2), st.integers(0, 100), st.just("")),
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 3), st.just("")),
    st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 3), st.just("")),
    st.tuples(st.just("product"), st.integers(0, 2), st.integers(0, 3),
              st.sampled_from(("Paspoort", "Rijbewijs", ""))),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=30))
# found by this test: a second phone note on a case waiting for the resident reopened it on
# the noting laptop only (the change was dated by the note, older than the waiting status)
@example([("phone", 2, 2, ""), ("status", 2, 0, "wacht_op_inwoner"), ("sync", 2, 100, ""),
          ("assign", 0, 1, "cas"), ("sync", 1, 60, ""), ("mail", 0, 3, ""),
          ("phone", 2, 2, ""), ("mail", 0, 0, ""), ("note", 2, 1, "babbcabc")])
def test_all_laptops_converge(steps: list[tuple[str, int, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = engine.MemoryFolder()
        inbox = Inbox()
        inbox.deliver(1)
        inbox.deliver(2)
        laptops = [laptop(Path(tmp), f"l{i}", USERS[i], i + 1) for i in range(3)]
        for lk in laptops:
            inbox.fetch(lk)
        mails = 2
        try:
            for kind, i, k, value in steps:
                lk = laptops[i]
                uids = team_uids(lk)
                target = ref(lk, uids[k % len(uids)]) if uids else None
                try:
                    if kind == "assign" and target:
                        lk.assign(target, value)
                    elif kind == "status" and target:
                        lk.set_status(target, value)
                    elif kind == "note" and target and value.strip():
                        lk.add_note(target, value)
                    elif kind == "phone":
                        lk.log_contact(
                            Channel.PHONE,
                            name="Piet",
                            question=f"vraag {k}",
                            phone_number="0612345678",
                        )
                    elif kind == "mail":
                        if k == 0:
                            mails += 1
                            inbox.deliver(mails)
                        inbox.fetch(lk)
                    elif kind == "sync":
                        seen = len(folder.messages) * k // 100  # a delayed view
                        engine.sync_pass(lk, Delayed(folder, seen), KEY)
                    elif kind == "dup" and folder.messages:
                        folder.append(folder.messages[k % len(folder.messages)][1])
                    elif kind == "merge" and len(uids) > 1:
                        other = ref(lk, uids[(k + 1) % len(uids)])
                        casework.merge_cases(lk, str(target), other)
                    elif kind == "move" and len(uids) > 1:
                        other = ref(lk, uids[(k + 1) % len(uids)])
                        last = lk.db.scalar(
                            "SELECT max(m.id) FROM messages m JOIN cases c ON c.id = m.case_id "
                            "WHERE c.reference = ?", (target,))
                        if last is not None:
                            casework.move_message(lk, int(last), other)
                    elif kind == "product" and target:
                        casework.set_product(lk, target, value or None)
                except LoketError:
                    pass
            for lk in laptops:
                inbox.fetch(lk)
            for _ in range(2):
                for lk in laptops:
                    sync(lk, folder)
            s = states(*laptops)
            assert s[0] == s[1] == s[2]
            assert set(team_uids(laptops[0])) == set(team_uids(laptops[2]))
        finally:
            for lk in laptops:
                lk.close()
