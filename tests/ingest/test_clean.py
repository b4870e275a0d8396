"""Cleaning: every boilerplate kind is removed with its reason; article paragraphs are kept."""

from __future__ import annotations

import pytest

from kg.ingest import read_documents
from kg.ingest.build import build_document
from kg.ingest.clean import join_broken, split_paragraphs

BODY = [
    "The minister said on Monday that the new port will open next year, ending months of uncertainty.",
    "It is expected to handle more than 2 million containers a year, officials said at a briefing.",
    "Critics say the project has been delayed by disputes over land and over the cost of the work.",
    "The government denies this and says every affected family has been offered compensation.",
]


def _doc(*inserted: str, at: int = 2, tail: tuple[str, ...] = ()):
    paragraphs = BODY[:at] + list(inserted) + BODY[at:] + list(tail)
    return build_document("\n\n".join(paragraphs), doc_id="t", source_path="t.txt")


def _reasons(doc) -> list[str]:
    return [r.reason for r in doc.removed]


@pytest.mark.parametrize(
    ("inserted", "reason"),
    [
        ("Share This Article", "share widget"),
        ("Exit mobile version", "page chrome"),
        ("Print", "share widget"),
        ("Related article: Ukraine War Strains Ties Between Kazakhstan and Russia", "related link"),
        ("Read more: Why ports matter", "related link"),
        ("Picture: Screengrab / Al Jazeera", "image credit"),
        ("Source: zanmedia.kz", "image credit"),
        ("Drone footage of the harbour at dawn. Picture: Screengrab / Al Jazeera", "image caption"),
        ("Kazakh President Kassym-Jomart Tokayev. Vladimir Smirnov / TASS", "image caption"),
        ("Dockers at work in the old port. Photo: Jane Doe", "image caption"),
        ("slot indoxxi ilk21 ilk21", "spam"),
        ("For more information, please pay attention to the Harbour News WeChat public account.", "promotion"),
        ("Original url:", "metadata: url"),
        ("https://example.org/some/story", "link line"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credits"),
        ("© 2023 Harbour Media Ltd. All rights reserved.", "copyright"),
        ("Contact the author at jane@harbour.example", "contact"),
        ("Follow Jane Doe on Twitter for more port news.", "promotion"),
    ],
)
def test_clean_removes_boilerplate_paragraph(inserted, reason):
    doc = _doc(inserted)
    assert doc.text == "\n\n".join(BODY)
    assert reason in _reasons(doc)


def test_clean_source_credit_cut_from_caption_paragraph_is_kept():
    long_caption = ("On September 22, there was a long queue of people waiting for entry at the border post. "
                    "Source: rus.azattyq")
    doc = _doc(long_caption)
    assert "On September 22, there was a long queue of people waiting for entry at the border post." in doc.text
    assert "Source" not in doc.text
    assert [(r.text, r.reason) for r in doc.removed] == [("Source: rus.azattyq", "image credit")]


@pytest.mark.parametrize(
    ("footer", "reason"),
    [
        (("Recent Posts", "How Pro-Russian Media Exploit the Strike", "2 days ago"), "related list"),
        (("A Message from The Harbour Times:", "Dear readers,", "Please support us monthly from just $2."),
         "donation appeal"),
        (("Prefer it Loading…", "Port to open", "Share This Article"), "share widget"),
        (("Like this:", "Like Loading..."), "share widget"),
    ],
)
def test_clean_footer_removes_everything_after_it(footer, reason):
    doc = _doc(at=4, tail=footer)
    assert doc.text == "\n\n".join(BODY)
    assert _reasons(doc) == [reason]
    assert doc.removed[0].text.startswith(footer[0])


def test_clean_footer_marker_early_in_article_only_removes_itself():
    doc = build_document("\n\n".join(["Recent Posts", *BODY]), doc_id="t", source_path="t.txt")
    assert doc.text == "\n\n".join(BODY)


def test_clean_long_footer_after_a_short_article_is_still_cut():
    appeal = ["A Message from The Harbour Times:"] + [
        f"We are facing unprecedented challenges number {i}, and our staff are at risk of prosecution." * 3
        for i in range(8)]
    doc = _doc(at=4, tail=tuple(BODY * 4 + appeal))
    assert "unprecedented" not in doc.text and _reasons(doc) == ["donation appeal"]


def test_clean_appeal_sentence_without_header():
    doc = _doc("If you can, please support us monthly starting from just $2.")
    assert _reasons(doc) == ["donation appeal"]


def test_clean_author_bio_box():
    doc = _doc(at=4, tail=("Mike", "Media analyst and journalist. My goal is to produce analytical articles."))
    assert doc.text == "\n\n".join(BODY)
    assert _reasons(doc) == ["author bio", "author bio"]
    assert doc.author == "Mike"


def test_clean_section_heading_is_not_an_author_bio():
    doc = _doc(at=4, tail=("Outlook", "Analysts expect the port to be busy within two years of opening."))
    assert "Analysts expect" in doc.text and "Outlook" in doc.text


def test_clean_user_rules_extend_markers(tmp_path):
    rules = tmp_path / "extra.tsv"
    rules.write_text("# mine\npara\tnewsletter plug\tget the harbour briefing.*\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(BODY[:2] + ["Get the Harbour Briefing every morning"] + BODY[2:]), encoding="utf-8")
    [doc] = read_documents([str(path)], rules=rules)
    assert [(r.reason) for r in doc.removed] == ["newsletter plug"]


def test_clean_bad_user_rule_is_reported(tmp_path):
    rules = tmp_path / "extra.tsv"
    rules.write_text("para\tbroken\t(unclosed\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(BODY), encoding="utf-8")
    [err] = read_documents([str(path)], rules=rules)
    assert "rule 1: bad regular expression" in str(err)


def test_clean_one_paragraph_per_line_and_hard_wrap():
    assert split_paragraphs("First paragraph here.\nSecond one here.") == ["First paragraph here.",
                                                                         "Second one here."]
    wrapped = ("The minister said on Monday that the new port will\nopen next year, ending months of\n"
               "uncertainty for the dockers and the town.")
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]


def test_clean_sentence_split_by_blank_line_is_joined(seeds_dir):
    assert join_broken(["“The plan is good. This", "will give us work,” he said."]) == [
        "“The plan is good. This will give us work,” he said."]
    assert join_broken(["A headline", "July 14, 2022"]) == ["A headline", "July 14, 2022"]
    [doc] = read_documents([str(seeds_dir / "002_5795f16ae225760d.txt")])
    assert "Kazakhstan. This will give us a good opportunity" in doc.text


def test_clean_whitespace_normalised_paragraph_breaks_kept():
    doc = build_document("  One\u00a0paragraph   with\tspaces.\r\n\r\n\r\n\r\nAnother\u200b one here.  ",
                         doc_id="t", source_path="t.txt", english_only=False)
    assert doc.text == "One paragraph with spaces.\n\nAnother one here."


SEED_BOILERPLATE = {
    "000": ["Recent Posts", "2 days ago", "Media analyst and journalist"],
    "001": ["A Message from The Moscow Times", "$2", "Remind me later", "Dear readers"],
    "002": ["Related article", "Vladimir Smirnov / TASS", "Original url", "themoscowtimes.com"],
    "003": ["Source:", "WeChat public account", "This article was first published"],
    "004": ["Prefer it Loading", "Share This Article", "Exit mobile version", "slot indoxxi", "ilk21",
            "Picture: Screengrab", "Picture: Screenshot", "Subsequent Huge Factor", "International Courant\n"],
}
SEED_KEPT = {
    "000": ["50 global companies left Russia for Kazakhstan", "Many of the tens of thousands"],
    "001": ["Kazakhstan earlier in July drafted a law"],
    "002": ["Kazakhstan earlier in July drafted a law", "He noted that his previous order"],
    "003": ["On September 22, there was a long queue", "Chairman of the Board of Directors"],
    "004": ["Misha Monteiro-Benson is a Analysis Assistant", "For greater than a decade"],
}


@pytest.mark.parametrize("seed", sorted(SEED_BOILERPLATE))
def test_clean_seed_boilerplate_gone_article_kept(seeds_dir, seed):
    [path] = seeds_dir.glob(f"{seed}_*.txt")
    [doc] = read_documents([str(path)])
    for junk in SEED_BOILERPLATE[seed]:
        assert junk not in doc.text
    for kept in SEED_KEPT[seed]:
        assert kept in doc.text
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


def test_clean_no_claim_from_boilerplate(seeds_dir, nlp):
    from kg.claims import claim_dicts
    from kg.extract import extract_doc

    # the two short seeds with an appeal ("$2") and a caption/related link; the others cost seconds each
    docs = list(read_documents([str(p) for p in sorted(seeds_dir.glob("00[12]_*.txt"))]))
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        removed = [r.text for r in doc.removed]
        for claim in claim_dicts(extract_doc(parsed, doc)):
            if not claim["sentence"]:  # document-level metadata (published_by) has no sentence
                continue
            assert claim["kind"] != "quantity" or claim["value"] != 2  # the "$2" of the appeal
            assert not any(claim["sentence"] in r or r in claim["sentence"] for r in removed), claim
