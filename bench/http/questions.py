#!/usr/bin/env python3
"""Writes the question mix of the HTTP benchmark (bench/http/mix.lua reads it), deterministically.

    bench/http/questions.py OUT [COUNT] [SEED]      # COUNT distinct questions (default 24,000), seed 20261204

The bases are the dev questions of tests/data/questions.yaml (holdout: false; out-of-scope, greetings and thanks
included, as real traffic has them) and the question forms of models/facts.yaml. Each variant is a base with a few
of the ways people type: lower case, capitalised, all capitals, punctuation dropped or added ("?", "?!", "..."),
one or two typos (letters swapped, dropped, doubled, a neighbouring key), a lead-in ("hi, ", "quick q: ", ...), a
tail (" pls", " thanks"). Variants are drawn until COUNT distinct texts exist (compared exactly, as the bot sees
them), then shuffled. A second section holds the follow-ups (ellipsis, "why?", "when was that?") that mix.lua asks
in the same conversation after a question. Output: one JSON-escaped text per line; "#followups" starts section two.
"""
import json
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LEAD_INS = ["hi, ", "hi ", "hello, ", "hey bot, ", "quick q: ", "quick question: ", "so ", "ok, ", "um ",
            "can you tell me ", "i'd like to know ", "question: ", "pls tell me ", "Hi! ", "yo "]
TAILS = ["?", "?!", "??", "...", " ?", "!", " pls", " please", " thanks", "? thx", " :)"]
NEIGHBOURS = {"a": "s", "s": "d", "e": "r", "r": "t", "i": "o", "o": "p", "n": "m", "m": "n", "t": "y", "l": "k",
              "u": "i", "c": "v", "d": "f", "h": "j", "g": "h", "k": "l", "y": "u", "p": "o", "b": "n", "w": "e"}
FOLLOW_UPS = ["and in 2010?", "and in 2019?", "and a year later?", "why?", "when was that?", "who signed it?",
              "and for the other country?", "tell me more", "what about korea?", "and kazakhstan?", "who said that?",
              "how much was it?", "and before that?", "where?", "and the other way round?", "what's the source?"]


def typo(text, rng):
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    k = rng.randrange(1, len(w) - 1)
    op = rng.randrange(4)
    if op == 0:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]  # swapped
    elif op == 1:
        w = w[:k] + w[k + 1:]  # dropped
    elif op == 2:
        w = w[:k] + w[k] + w[k:]  # doubled
    else:
        w = w[:k] + NEIGHBOURS.get(w[k].lower(), w[k]) + w[k + 1:]  # neighbouring key
    words[i] = w
    return " ".join(words)


def variant(base, rng):
    text = base.strip().rstrip("?.! ")
    case = rng.randrange(6)
    if case == 0:
        text = text.lower()
    elif case == 1:
        text = text[:1].upper() + text[1:]
    elif case == 2 and len(text) < 60:
        text = text.upper()
    elif case == 3:
        text = "".join(c for c in text.lower() if c.isalnum() or c.isspace())
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        text = typo(text, rng)
    if rng.random() < 0.45:
        lead = rng.choice(LEAD_INS)
        text = lead + (text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text)
    if rng.random() < 0.6:
        text += rng.choice(TAILS)
    return text


def main():
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 24_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261204)
    dev = yaml.safe_load((ROOT / "tests/data/questions.yaml").read_text(encoding="utf-8"))["questions"]
    facts = yaml.safe_load((ROOT / "models/facts.yaml").read_text(encoding="utf-8"))["facts"]
    bases = [q["q"] for q in dev if not q.get("holdout")] + [f for fact in facts for f in fact.get("questions", [])]
    bases = list(dict.fromkeys(bases))
    seen = dict.fromkeys(bases)  # the bases themselves are in the mix once, as written
    while len(seen) < count:
        seen.setdefault(variant(rng.choice(bases), rng))
    questions = list(seen)[:count]
    rng.shuffle(questions)
    follow_ups = list(dict.fromkeys(FOLLOW_UPS + [variant(f, rng) for f in FOLLOW_UPS for _ in range(3)]))
    with out.open("w", encoding="utf-8") as f:
        for text in questions:
            f.write(json.dumps(text, ensure_ascii=False)[1:-1] + "\n")
        f.write("#followups\n")
        for text in follow_ups:
            f.write(json.dumps(text, ensure_ascii=False)[1:-1] + "\n")
    print(f"{len(questions)} distinct questions from {len(bases)} bases, {len(follow_ups)} follow-ups -> {out}")


if __name__ == "__main__":
    main()
