"""Following the authorizer log: new lines only, a line being written waits, rolled and truncated files."""

from __future__ import annotations

import os
from pathlib import Path

from streamguard.app.services.control.authorizer_tail import LogPosition, read_new_decisions


def _line(second: int, user: str = "ana") -> str:
    return (
        f"[2026-12-01T19:20:{second:02d},000] DEBUG Principal = User:{user} is Allowed operation = READ from host = "
        f"127.0.0.1 on resource = Topic:LITERAL:governed.c.analytics for request = Fetch with resourceRefCount = 1 "
        "based on rule MatchingAcl(acl=StandardAcl(...))\n"
    )


def test_a_missing_log_has_nothing_yet(tmp_path: Path) -> None:
    assert read_new_decisions(tmp_path / "authorizer.log", None) == ([], None)


def test_each_read_returns_the_lines_after_the_saved_position_and_waits_for_a_whole_line(tmp_path: Path) -> None:
    log = tmp_path / "authorizer.log"
    log.write_text(_line(1) + _line(2) + _line(3)[:50])
    first, position = read_new_decisions(log, None)
    assert [d.at.second for d in first] == [1, 2]
    assert position == LogPosition(log.stat().st_ino, len(_line(1) + _line(2)))
    with log.open("a") as more:
        more.write(_line(3)[50:] + _line(4))
    second, position = read_new_decisions(log, LogPosition.from_json(position.to_json()))
    assert [d.at.second for d in second] == [3, 4]
    assert read_new_decisions(log, position) == ([], position)


def test_a_rolled_log_is_finished_before_the_new_one_is_read(tmp_path: Path) -> None:
    log = tmp_path / "authorizer.log"
    log.write_text(_line(1))
    _, position = read_new_decisions(log, None)
    with log.open("a") as more:
        more.write(_line(2))
    os.replace(log, tmp_path / "authorizer.log.1")  # what log4j's rollover does
    log.write_text(_line(3))
    decisions, after = read_new_decisions(log, position)
    assert [d.at.second for d in decisions] == [2, 3]
    assert after == LogPosition(log.stat().st_ino, len(_line(3)))


def test_a_truncated_log_is_read_from_its_start(tmp_path: Path) -> None:
    log = tmp_path / "authorizer.log"
    log.write_text(_line(1) + _line(2))
    _, position = read_new_decisions(log, None)
    log.write_text(_line(5, "sam"))  # same inode, shorter than the saved offset
    decisions, _ = read_new_decisions(log, position)
    assert [(d.at.second, d.kafka_user) for d in decisions] == [(5, "sam")]
