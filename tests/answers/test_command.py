"""``calbot ask`` and ``calbot chat`` print plain answers; chat reads stdin until EOF or quit."""

from __future__ import annotations

import io

import pytest

from bot.cli import main

NOW = "2007-11-01T09:00+01:00"


def test_ask_prints_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--now", NOW, "when", "is", "the", "MSP?"]) == 0
    out = capsys.readouterr().out
    assert "7–13 November 2007" in out and "opens in 6 days" in out and "<b>" not in out


def test_ask_in_french_and_in_tokyo(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["ask", "--now", "2007-11-04T20:00Z", "--tz", "Asia/Tokyo", "--lang", "fr"]
    assert main([*args, "qu'est-ce qui se passe aujourd'hui ?"]) == 0
    out = capsys.readouterr().out
    assert "lundi 5 novembre 2007" in out and "Protocole V" in out


def test_chat_answers_each_line_until_quit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("when is the msp\n\nwhere is the gge\nquit\nmsp\n")
    )
    assert main(["chat", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "7–13 November 2007" in out and "does not say where" in out
    assert out.count("Geneva") == 0  # the line after "quit" was not answered


def test_chat_stops_at_end_of_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("what's the weather"))
    assert main(["chat", "--now", NOW]) == 0
    assert "only answer questions" in capsys.readouterr().out
