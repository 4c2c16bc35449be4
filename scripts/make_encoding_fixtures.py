#!/usr/bin/env python3
"""Make fixtures/text/encodings/: UTF-8 form fixtures re-encoded in the
encodings and line ends real pages come in.

Each target is (source fixture, Python codec, byte-order mark, line end).
The snapshots beside each target (its model and diagnostics) are written
by the test suite: `cargo test --test text_fixtures`, then `cargo insta
review`; the model must equal the source fixture's but for `encoding`.

Run from the repository root: python3 scripts/make_encoding_fixtures.py
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEXT = ROOT / "fixtures" / "text"

TARGETS = {
    # name: (source, codec, bom, line end, edit)
    "gbk-zh.txt": ("labels/zhongguowang-zh.txt", "gbk", b"", "\n", None),
    "gbk-crlf-zh.txt": ("headers/cjk-name-zh.txt", "gbk", b"", "\r\n", None),
    # a character outside GBK (an emoji) needs GB18030's four-byte form
    "gb18030-zh.txt": (
        "counts/wan-plus-zh.txt",
        "gb18030",
        b"",
        "\n",
        ("保持好奇心。", "保持好奇心。加油👍"),
    ),
    "big5-zh-hant.txt": ("markers/wen-da-zh-hant.txt", "big5", b"", "\n", None),
    "shift_jis-ja.txt": ("markers/dash-ja.txt", "shift_jis", b"", "\r\n", None),
    "euc-jp-ja.txt": ("markers/fullwidth-ja.txt", "euc_jp", b"", "\n", None),
    # encoding_rs's EUC-KR is the Unified Hangul Code superset (cp949)
    "euc-kr-ko.txt": ("markers/q-dot-ko.txt", "cp949", b"", "\n", None),
    "utf16le-bom-en.txt": ("headers/headline-date-byline-share-en.txt", "utf-16-le", b"\xff\xfe", "\r\n", None),
    "utf16le-zh.txt": ("markers/wen-da-zh.txt", "utf-16-le", b"", "\n", None),
    "utf16be-bom-ja.txt": ("labels/michigami-ja.txt", "utf-16-be", b"\xfe\xff", "\n", None),
    "utf16be-ko.txt": ("markers/jilmun-ko.txt", "utf-16-be", b"", "\n", None),
    "utf16le-en.txt": ("markers/question-answer-en.txt", "utf-16-le", b"", "\n", None),
    "utf8-bom-en.txt": ("labels/surname-whitson-en.txt", "utf-8", b"\xef\xbb\xbf", "\n", None),
    "crlf-en.txt": ("counts/views-number-first-en.txt", "utf-8", b"", "\r\n", None),
    "lone-cr-en.txt": ("headers/name-role-one-line-en.txt", "utf-8", b"", "\r", None),
}


def main():
    out_dir = TEXT / "encodings"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (source, codec, bom, eol, edit) in TARGETS.items():
        text = (TEXT / source).read_text(encoding="utf-8")
        if edit:
            assert edit[0] in text, (name, edit)
            text = text.replace(edit[0], edit[1])
        text = text.replace("\n", eol)
        (out_dir / name).write_bytes(bom + text.encode(codec))
        print(f"{name}: {source} as {codec}")


if __name__ == "__main__":
    main()
