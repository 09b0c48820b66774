"""The data file: complete, cited, and the only place clinical numbers live."""

import ast
import copy
import importlib.resources
import json
import pathlib

import pytest

import calculators
from calculators import data, datacheck, messages

# Every reference the facts file marks SEEN, by the id the site cites it with.
SEEN_IDS = {
    "asra-2018", "crps-22mgh", "schwartzman-2009", "sigtermans-2009", "sci-pain",
    "goldberg-2005", "nhs-highland", "pa-low-dose", "sanacora-2017", "andrade-2017",
    "murrough-2013", "singh-2016", "esketamine", "esketamine-pooled", "bp-jad-2018",
    "bp-ghp-2024", "noppers-2011", "ketalar-label", "devine-1974", "peltoniemi-2016",
    "kamp-2020", "clinic-schedule", "clinic-candidates", "swiss-label",
}
# The chronic-pain regimens the dose calculator illustrates (issue 19): nothing else.
OFFERED = {"schwartzman-2009", "goldberg-2005", "asra-2018"}


def test_data_is_read_through_importlib_resources():
    resource = importlib.resources.files("calculators") / "data" / data.DATA_FILE
    assert resource.is_file()
    assert data.load() is data.load()  # read once


def test_every_seen_reference_is_there_with_a_citation():
    refs = data.references()
    assert SEEN_IDS <= set(refs)
    for ref_id, ref in refs.items():
        assert ref.id == ref_id
        assert ref.citation.strip() and ref.short.strip()
        assert ref_id == ref_id.lower() and " " not in ref_id


def test_a_reference_read_only_in_a_secondary_summary_says_so():
    refs = data.references()
    secondary = {ref_id for ref_id, ref in refs.items() if ref.status == "SEEN-2"}
    assert secondary == {"bladder-recreational", "schwenk-2018", "ketalar-uk-smpc", "krebs-2009",
                         "stone-2003", "kinnersley-2008"}
    assert all("secondary summary" in refs[ref_id].citation for ref_id in secondary)
    spanish = data.references("es")
    assert all("resumen secundario" in spanish[ref_id].citation for ref_id in secondary)


def test_dois_are_the_ones_in_the_facts_file():
    refs = data.references()
    assert refs["asra-2018"].doi == "10.1097/AAP.0000000000000808"
    assert refs["schwartzman-2009"].doi == "10.1016/j.pain.2009.08.015"
    assert refs["sigtermans-2009"].doi == "10.1016/j.pain.2009.06.023"
    assert refs["singh-2016"].doi == "10.1176/appi.ajp.2016.16010037"
    assert refs["sanacora-2017"].doi == "10.1001/jamapsychiatry.2017.0080"  # the statement, not the letter
    assert refs["bp-jad-2018"].doi == "10.1016/j.jad.2018.02.025"
    assert refs["bp-ghp-2024"].doi == "10.1016/j.genhosppsych.2024.07.001"
    assert refs["schwenk-2018"].doi == "10.1097/AAP.0000000000000806"
    assert refs["orhurhu-2019"].doi == "10.1213/ANE.0000000000004185"
    assert refs["krebs-2009"].doi == "10.1007/s11606-009-0981-1"
    assert refs["stone-2003"].doi == "10.1016/s0197-2456(02)00320-3"


def test_every_id_used_names_a_reference():
    refs = data.references()
    for protocol in data.protocols().values():
        assert protocol.reference in refs
    assert data.schedule().reference in refs
    assert data.load()["devine"]["reference"] in refs


def test_offered_protocols_are_chronic_pain_regimens_with_their_own_ceilings():
    assert set(data.offered_protocols()) == OFFERED
    for protocol in data.offered_protocols().values():
        assert protocol.regimen is True and protocol.use == "chronic-pain"
        assert protocol.shape in datacheck.SHAPES and protocol.sessions_count
        assert protocol.most_mg_per_session is not None
    protocols = data.protocols()
    # Each regimen's own most an hour and in a session, from its own source's figures.
    assert protocols["schwartzman-2009"].most_mg_per_h == 25  # its cap
    assert protocols["schwartzman-2009"].most_mg_per_session == 100  # 25 mg/h x 4 h
    assert protocols["goldberg-2005"].most_mg_per_h is None  # no rate published
    assert protocols["goldberg-2005"].most_mg_per_session == 80
    assert protocols["asra-2018"].most_mg_per_h is None  # at least 80 mg: no rate given
    assert protocols["asra-2018"].most_mg_per_session == 80


def test_every_protocol_not_offered_says_why_and_where_to_read():
    for protocol in data.protocols().values():
        if not protocol.offered:
            assert protocol.why_not_offered.strip()  # words that follow "does not illustrate X:"
            assert data.article(protocol.read)


def test_the_facts_numbers():
    protocols = data.protocols()
    assert protocols["schwartzman-2009"].dose_max == 0.35
    assert protocols["schwartzman-2009"].caps[0].mg_per_h == 25
    assert protocols["schwartzman-2009"].minutes == 4 * 60
    assert protocols["schwartzman-2009"].sessions_count == 10
    assert (protocols["goldberg-2005"].dose_min, protocols["goldberg-2005"].dose_max) == (40, 80)
    assert protocols["goldberg-2005"].sessions_count == 10
    # ASRA 2018 (Cohen) recommends one thing: at least 80 mg over more than 2 h, then reassess.
    assert (protocols["asra-2018"].dose, protocols["asra-2018"].minutes_min) == (80, 120)
    assert protocols["asra-2018"].dose_min is None and protocols["asra-2018"].dose_max is None
    assert "22 mg/h for 4 days" in protocols["crps-22mgh"].dose_text
    assert "0.42 mg/kg per hour to 0.4 mg/kg" in protocols["sci-pain"].dose_text
    assert protocols["nhs-highland"].use == "acute-pain"
    assert protocols["sanacora-2017"].dose == 0.5
    assert (protocols["andrade-2017"].dose_min, protocols["andrade-2017"].dose_max) == (0.1, 0.75)
    assert protocols["nhs-highland"].dose == 5
    assert data.load()["units"]["kg_per_lb"] == 0.45359237
    devine = data.load()["devine"]
    assert (devine["male_base_kg"], devine["female_base_kg"]) == (50, 45.5)
    assert (devine["kg_per_cm"], devine["from_height_cm"]) == (0.9055, 152.4)
    assert data.load()["adjusted_weight"]["factor"] == 0.4
    assert "bags" not in data.load()  # no bag strength anywhere (issue 19)


def test_the_clinic_schedule_is_marked_as_practice_not_evidence():
    plan = data.schedule()
    assert "not trial evidence" in plan.evidence
    assert "No randomised trial" in plan.no_trial
    ranges = {phase.phase: (phase.low, phase.high) for phase in plan.phases}
    assert ranges == {"loading": (4, 6), "adjustment": (0, 2), "maintenance": (4, 8)}
    assert plan.window_days == 14


# Numbers in the code that are not clinical: 0/1/2 counters, 60 min an hour, 7 days a week,
# 12 months a year, 100 percent, 75 octets a line (RFC 5545), 64 characters, form steps,
# a float tolerance.
ALLOWED_CONSTANTS = {0, 1, 2, 7, 12, 60, 64, 75, 100, 0.01, 0.1, 1e-9}
# Pixels, not doses: the timeline's drawing (width, row height, margins, head-room, faint
# opacity) and each calculator's embed height.
DRAWING = {"timeline.py": {2, 3, 4, 6, 8, 11, 12, 13, 22, 26, 28, 92, 340, 0.45},
           "dose.py": {1000}, "schedule.py": {1000}, "questions.py": {1000},
           # the diary's chart: its width, margins, panels' heights, marks and days between dates
           "chart.py": {0.5, 0.6, 2.5, 3, 4, 6, 8, 11, 13, 14, 15, 24, 26, 28, 40, 56, 84, 91, 182, 340,
                        364},
           # the diary's form: a 0-10 scale, a day's hours and the form's quarter-hour step, the
           # years a date may have, and a note's length in characters
           "entries.py": {10, 24, 0.25, 2000, 2100}}


@pytest.mark.parametrize(
    "module", sorted(pathlib.Path(calculators.__file__).parent.rglob("*.py")), ids=lambda p: p.name
)
def test_no_clinical_constant_in_code(module):
    found = {
        node.value
        for node in ast.walk(ast.parse(module.read_text("utf-8")))
        if isinstance(node, ast.Constant) and type(node.value) in (int, float)
    }
    assert found <= ALLOWED_CONSTANTS | DRAWING.get(module.name, set())


def test_the_data_file_is_sound_when_loaded():
    assert datacheck.problems(data.load()) == []


def _broken(change) -> list[str]:
    parsed = copy.deepcopy(data.load())
    change(parsed)
    return datacheck.problems(parsed)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["protocols"]["crps-22mgh"].update(offered=True),
         "protocols.crps-22mgh: offered, but not one published chronic-pain regimen"),
        (lambda d: d["protocols"]["sanacora-2017"].update(offered=True),
         "protocols.sanacora-2017: offered, but not one published chronic-pain regimen"),
        (lambda d: d["protocols"]["nhs-highland"].update(offered=True),
         "protocols.nhs-highland: offered, but not one published chronic-pain regimen"),
        (lambda d: d["protocols"]["goldberg-2005"].pop("shape"),
         "protocols.goldberg-2005: offered without a shape the calculator knows"),
        (lambda d: d["protocols"]["schwartzman-2009"].pop("caps"),
         "protocols.schwartzman-2009: a rate-per-kg regimen needs caps"),
        (lambda d: d["protocols"]["schwartzman-2009"].update(dose_unit="mg/kg"),
         "protocols.schwartzman-2009: a rate-per-kg regimen's dose_unit is 'mg/kg/h'"),
        (lambda d: d["protocols"]["asra-2018"].pop("minutes_min"),
         "protocols.asra-2018: a first-infusion regimen needs minutes_min"),
        (lambda d: d["protocols"]["goldberg-2005"].update(dose_min=90),
         "protocols.goldberg-2005: dose_min is above dose_max"),
        (lambda d: d["protocols"]["sigtermans-2009"].pop("why_not_offered"),
         "protocols.sigtermans-2009: not offered, and no why_not_offered"),
        (lambda d: d["protocols"]["singh-2016"].update(read="nowhere"),
         "protocols.singh-2016: not offered, and no why_not_offered and read"),
        (lambda d: d["limits"].pop("months_reason"), "limits.months: a bound without its reason"),
        (lambda d: d["limits"].pop("weight_kg_high_reason"), "limits.weight_kg: a bound without"),
        (lambda d: d["protocols"]["asra-2018"].update(reference="asra-2019"),
         "unknown reference 'asra-2019'"),
        (lambda d: d["figures"]["noppers-rate-low"].update(reference="nope"),
         "figures.noppers-rate-low: unknown reference 'nope'"),
        (lambda d: d["limits"].update(weight_kg_low_see="nowhere"), "not an article named"),
        (lambda d: d["limits"].pop("loading_high_reason"), "limits.loading: a bound without"),
        (lambda d: d["limits"].pop("repeated_exposure"),
         "limits.loading_high: a limit on how often needs its reason"),
        (lambda d: d["limits"].pop("titration_high_reason"),
         "limits.titration_high: a limit on how often needs its reason"),
        (lambda d: d["schedule"]["reviews"].pop("loading"),
         "schedule.reviews: no words for the review after 'loading'"),
        (lambda d: d["schedule"].update(maintenance_review_every=0),
         "schedule.maintenance_review_every: a whole number"),
        (lambda d: d["limits"].update(titration=[0, "adjustment.top"]),
         "limits.titration: 'adjustment.top' is not PHASE.low or PHASE.high"),
        (lambda d: d["limits"].update(maintenance_weeks=["upkeep.low", 52]),
         "limits.maintenance_weeks: 'upkeep.low' is not PHASE.low or PHASE.high"),
        (lambda d: d["limits"].update(loading_high_references=["schwartzman-2010"]),
         "limits.loading_high_references: unknown reference 'schwartzman-2010'"),
    ],
)
def test_a_broken_data_file_is_refused_with_what_is_wrong(change, words):
    assert any(words in problem for problem in _broken(change))


def test_loading_a_broken_data_file_raises():
    bad = copy.deepcopy(data.load())
    bad["protocols"]["sci-pain"]["offered"] = True
    with pytest.raises(ValueError, match="sci-pain: offered, but not one published chronic-pain"):
        data.checked(bad)


def test_references_come_from_the_csl_json_file_under_content():
    from calculators import citation

    items = citation.read_source()
    assert set(items) == set(data.references())
    assert citation.SOURCE.parts[-2:] == ("content", "references.json")
    for item in items.values():
        assert item["citation-label"].strip() and item["type"]


@pytest.mark.parametrize(("item", "text"), [
    ({"author": [{"family": "Cohen", "given": "SP"}, {"family": "Bhatia", "given": "A"},
                 {"literal": "et al."}], "title": "A title", "container-title-short": "Pain",
      "issued": {"date-parts": [[2018]]}, "volume": "43", "issue": "5", "page": "521-546"},
     "Cohen SP, Bhatia A, et al. A title. Pain 2018;43(5):521-546."),
    ({"author": [{"literal": "NHS Highland"}], "title": "Ketamine guideline"},
     "NHS Highland. Ketamine guideline."),
    ({"title": "A report", "issued": {"date-parts": [[2020]]}, "note": "read in summary"},
     "A report. 2020 (read in summary)."),
])
def test_citations_are_formatted_in_the_vancouver_style(item, text):
    from calculators import citation

    assert citation.vancouver(item) == text


def test_a_bound_can_be_read_from_the_clinic_schedule():
    parsed = copy.deepcopy(data.load())
    assert datacheck.phase_figure(parsed, "maintenance.low") == 4
    assert datacheck.phase_figure(parsed, "adjustment.high") == 2
    assert datacheck.phase_figure(parsed, "adjustment.middle") is None
    assert datacheck.phase_figure(parsed, "nothing.low") is None


# The words file (words/LANG.toml): texts beside the numbers, merged into `load(lang)`.

def test_every_language_has_its_words_file_and_load_merges_them():
    parsed = data.parse_source()
    assert set(parsed["words"]) == set(messages.LANGUAGES)
    for lang in messages.LANGUAGES:
        assert (data.FOLDER / data.WORDS_FOLDER / f"{lang}.toml").is_file()
        loaded = data.load(lang)
        assert loaded["protocols"]["asra-2018"]["title"] == parsed["words"][lang]["protocols"][
            "asra-2018"]["title"]
        assert loaded["protocols"]["asra-2018"]["dose"] == parsed["numbers"]["protocols"][
            "asra-2018"]["dose"]


def test_the_numbers_file_holds_no_protocol_text():
    numbers = data.sources()["numbers"]
    texts = {"title", "condition", "study", "route", "why_not_offered", "dose_text",
             "length_text", "course", "sessions", "spacing", "notes"}
    for protocol in numbers["protocols"].values():
        assert not texts & set(protocol)
        assert all(set(cap) <= {"mg_per_h", "weight_above_kg", "weight_at_most_kg"}
                   for cap in protocol.get("caps", ()))
    assert all("text" not in figure for figure in numbers["figures"].values())
    assert all(set(phase) == {"phase", "low", "high", "unit"}
               for phase in numbers["schedule"]["phases"])


@pytest.mark.parametrize("accessor", [data.load, data.protocols, data.offered_protocols,
                                      data.schedule, data.limits, data.figures, data.references])
def test_words_are_read_once_a_language_however_it_is_asked_for(accessor):
    assert accessor() is accessor("en") is accessor(lang="en")


@pytest.mark.parametrize("ask", [data.load, data.protocols, data.offered_protocols, data.schedule,
                                 data.limits, data.figures, data.references,
                                 lambda lang: data.article("how-dosing-works", lang)])
def test_a_language_the_site_does_not_have_is_a_key_error(ask):
    assert "xx" not in messages.LANGUAGES
    with pytest.raises(KeyError):
        ask("xx")


def test_merging_lays_the_words_into_the_numbers_in_the_numbers_order():
    numbers = {"b": 1, "caps": [{"mg": 2}, {"mg": 3}], "a": {"n": 4}}
    words = {"caps": [{"text": "x"}, {"text": "y"}], "a": {"t": "z"}, "new": ["w"]}
    assert data.merged(numbers, words) == {
        "b": 1, "caps": [{"mg": 2, "text": "x"}, {"mg": 3, "text": "y"}], "a": {"n": 4, "t": "z"},
        "new": ["w"]}
    assert list(data.merged(numbers, words)) == ["b", "caps", "a", "new"]


def test_a_wheel_reads_numbers_and_words_from_one_json_file(tmp_path, monkeypatch):
    (tmp_path / data.BUILT_FILE).write_text(json.dumps(data.parse_source()), "utf-8")
    monkeypatch.setattr(data, "FOLDER", tmp_path)  # holds no TOML: the JSON alone must do
    monkeypatch.setattr(data, "parse_source", None)
    assert data.sources.__wrapped__() == data.sources()


def test_every_language_s_words_are_sound():
    parsed = data.sources()
    for words in parsed["words"].values():
        assert datacheck.words_faults(parsed["numbers"], parsed["words"]["en"], words) == []


def _words_faults(change) -> list[tuple[str, str]]:
    """The faults of the English words once `change(numbers, words)` has broken a copy."""
    parsed = copy.deepcopy(data.sources())
    numbers, words = parsed["numbers"], parsed["words"]["en"]
    change(numbers, words)
    return datacheck.words_faults(numbers, data.sources()["words"]["en"], words)


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (lambda n, w: w["protocols"]["asra-2018"].pop("title"),
         ("protocols.asra-2018.title", "missing")),
        (lambda n, w: w["scope"].update(heavy_kg_note="..."), ("scope.heavy_kg_note", "extra")),
        (lambda n, w: w["schedule"].update(reviews="..."), ("schedule.reviews", "other-type")),
        (lambda n, w: w["protocols"]["goldberg-2005"]["notes"].pop(),
         ("protocols.goldberg-2005.notes", "other-length")),
        (lambda n, w: w["protocols"]["schwartzman-2009"]["caps"][0].update(text=25),
         ("protocols.schwartzman-2009.caps[0].text", "not-text")),
        (lambda n, w: w["figures"]["kamp-volume"].update(value=252),
         ("figures.kamp-volume.value", "not-text")),
        (lambda n, w: w["figures"]["kamp-volume"].update(value=252),
         ("figures.kamp-volume.value", "in-both")),
        (lambda n, w: n["scope"].update(s_ketamine="..."), ("scope.s_ketamine", "in-both")),
        (lambda n, w: n["schedule"]["phases"][0].update(stage="Loading"),
         ("schedule.phases[0].stage", "in-both")),
        (lambda n, w: n["protocols"]["schwartzman-2009"]["caps"].append({"mg_per_h": 30}),
         ("protocols.schwartzman-2009.caps", "unaligned")),
    ],
)
def test_a_broken_words_file_is_refused_with_where_and_what(change, fault):
    assert fault in _words_faults(change)


def test_loading_broken_words_raises_naming_the_words_file():
    parsed = copy.deepcopy(data.sources())
    spanish = copy.deepcopy(parsed["words"]["en"])
    spanish["protocols"]["asra-2018"].pop("route")
    parsed["words"]["es"] = spanish  # a second language, missing a key the English words have
    named = r"^calculators/data/words/es\.toml: protocols\.asra-2018\.route:"
    with pytest.raises(ValueError, match=named):
        data.checked_words(parsed)


# The references' words: what the site wrote about each source (its label, note and descriptive
# title), in English in content/references.json, in another language in its overlay beside it.

def test_the_site_s_words_about_a_reference_are_read_apart_from_what_it_published():
    from calculators import citation

    items = citation.read_source()
    published, words = citation.split(items)
    assert words["clinic-schedule"] == {key: items["clinic-schedule"][key]
                                        for key in ("citation-label", "title", "note")}
    # A published title is the source's, not the site's words
    assert words["asra-2018"] == {"citation-label": "Cohen et al., 2018 (ASRA)"}
    assert published["asra-2018"]["title"] == items["asra-2018"]["title"]
    assert all(published[ref_id] | words[ref_id] == items[ref_id] for ref_id in items)
    assert citation.source_files() == [citation.SOURCE,
                                       citation.SOURCE.parent / "references-es.toml"]


def test_the_spanish_references_are_spanish_and_keep_what_was_published():
    english, spanish = data.references(), data.references("es")
    assert set(spanish) == set(english)
    assert spanish["ketalar-label"].short == "Etiqueta de Ketalar" != english["ketalar-label"].short
    assert spanish["clinic-schedule"].citation.startswith("Artículo de una clínica de ketamina")
    assert "(la práctica propia de una clínica, no evidencia de ensayos)" in spanish[
        "clinic-schedule"].citation
    # A published title, the authors, the journal, the DOI: as published, in every language
    assert spanish["asra-2018"] == english["asra-2018"]
    assert spanish["schwenk-2018"].citation.startswith(english["schwenk-2018"].citation.split(
        " (")[0])
    assert [ref.doi for ref in spanish.values()] == [ref.doi for ref in english.values()]


def test_every_language_s_reference_words_are_sound():
    parsed = data.sources()
    for words in parsed["references"].values():
        assert datacheck.words_faults(parsed["numbers"]["references"],
                                      parsed["references"]["en"], words) == []


def _reference_faults(change) -> list[tuple[str, str]]:
    """The faults of the Spanish references' words once `change(words)` has broken a copy."""
    parsed = copy.deepcopy(data.sources())
    words = parsed["references"]["es"]
    change(words)
    return datacheck.words_faults(parsed["numbers"]["references"], parsed["references"]["en"],
                                  words)


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (lambda w: w["ketalar-label"].pop("citation-label"),
         ("ketalar-label.citation-label", "missing")),
        (lambda w: w["schwenk-2018"].pop("note"), ("schwenk-2018.note", "missing")),
        (lambda w: w["esketamine"].pop("title"), ("esketamine.title", "missing")),  # descriptive
        (lambda w: w.pop("asra-2018"), ("asra-2018", "missing")),
        (lambda w: w.update({"asra-2019": {"citation-label": "Cohen et al., 2019"}}),
         ("asra-2019", "extra")),
        (lambda w: w["asra-2018"].update(note="una nota"), ("asra-2018.note", "extra")),
        # A published title stays as published: no language gives its own
        (lambda w: w["asra-2018"].update(title="Guías de consenso"), ("asra-2018.title", "extra")),
        (lambda w: w["asra-2018"].update(DOI="10.1/x"), ("asra-2018.DOI", "in-both")),
        (lambda w: w["krebs-2009"].update(note=["se leyó en un resumen secundario"]),
         ("krebs-2009.note", "other-type")),
        (lambda w: w["bp-ghp-2024"].update(note="presión arterial durante 2,343 infusiones"),
         ("bp-ghp-2024.note", "other-numbers")),
        (lambda w: w["bp-jad-2018"].update(note="presión arterial durante 684 infusiones"),
         ("bp-jad-2018.note", "other-numbers")),  # drops 0.5 mg/kg and 40 minutes
        (lambda w: w["esketamine-pooled"].update(
            title=w["esketamine-pooled"]["title"].replace("928", "982")),
         ("esketamine-pooled.title", "other-numbers")),
    ],
)
def test_broken_reference_words_are_refused_with_where_and_what(change, fault):
    assert fault in _reference_faults(change)


def test_loading_broken_reference_words_raises_naming_the_overlay():
    parsed = copy.deepcopy(data.sources())
    parsed["references"]["es"]["clinic-schedule"].pop("note")
    named = r"^content/references-es\.toml: clinic-schedule\.note: missing"
    with pytest.raises(ValueError, match=named):
        data.checked_words(parsed)
    parsed["references"]["en"]["clinic-schedule"]["title"] = 7
    named = r"^content/references\.json: clinic-schedule\.title: not text"
    with pytest.raises(ValueError, match=named):
        data.checked_words(parsed)


def test_a_translated_word_with_another_number_is_refused():
    # The same rule for every words file: a translation prints the numbers the English prints
    parsed = copy.deepcopy(data.sources())
    parsed["words"]["es"]["schedule"]["evidence"] += " (2024)"
    named = r"words/es\.toml: schedule\.evidence: not the same numbers"
    with pytest.raises(ValueError, match=named):
        data.checked_words(parsed)


def test_the_wheel_s_json_carries_every_language_s_reference_words():
    parsed = json.loads(json.dumps(data.parse_source()))
    assert parsed["references"]["es"]["ketalar-label"]["citation-label"] == "Etiqueta de Ketalar"
    assert "citation-label" not in parsed["numbers"]["references"]["ketalar-label"]
