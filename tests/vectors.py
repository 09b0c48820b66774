"""Input sets shared by the CPython, Pyodide and browser tests (raw strings, as a form sends)."""

DOSE = [
    {"adult": "yes", "weight": "70", "unit": "kg", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "80", "unit": "kg", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "154", "unit": "lb", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "95", "unit": "kg", "height_cm": "170", "sex": "female",
     "basis": "adjusted", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "130", "unit": "kg", "height_cm": "160", "sex": "male",
     "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "45", "unit": "kg", "height_cm": "180", "sex": "male",
     "basis": "ideal", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "70", "unit": "kg", "protocol": "goldberg-2005"},
    {"adult": "yes", "weight": "62.5", "unit": "kg", "protocol": "goldberg-2005", "daily_mg": "60"},
    {"adult": "yes", "weight": "70", "unit": "kg", "protocol": "asra-2018"},
    {"adult": "yes", "weight": "300", "unit": "lb", "protocol": "asra-2018", "basis": "ideal"},
    # A decimal comma (a phone's number pad outside the US): read as the point, and said
    {"adult": "yes", "weight": "70,5", "unit": "kg", "protocol": "schwartzman-2009"},
]
DOSE_BAD = [
    {"adult": "yes", "weight": "", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "seventy", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "nan", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "-5", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "70", "protocol": "no-such-protocol"},
    {"adult": "yes", "weight": "70", "protocol": "schwartzman-2009", "basis": "ideal"},
    {"adult": "yes", "weight": "70", "protocol": "schwartzman-2009", "basis": "ideal",
     "height_cm": "140", "sex": "female"},
    {"adult": "yes", "weight": "1e309", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "20", "protocol": "asra-2018"},
    {"adult": "yes", "weight": "70", "protocol": "crps-22mgh"},
    {"adult": "yes", "weight": "70", "protocol": "andrade-2017"},
    {"adult": "yes", "weight": "70", "protocol": "goldberg-2005", "daily_mg": "100"},
    {"adult": "no", "weight": "70", "protocol": "schwartzman-2009"},
    {"adult": "yes", "weight": "1,000", "protocol": "schwartzman-2009"},  # thousands or decimals?
]
SCHEDULE = [
    {"start": "2026-12-07", "loading": "6", "titration": "2", "maintenance_weeks": "6",
     "months": "6", "open_days": "mon,tue,wed,thu,fri"},
    {"start": "2026-12-05", "loading": "4", "titration": "0", "maintenance_weeks": "4",
     "months": "3", "open_days": "tue,thu"},
    {"start": "2027-02-26", "loading": "5", "titration": "2", "maintenance_weeks": "10",
     "months": "12", "open_days": "mon,wed,fri"},
    {"start": "2027-03-01", "loading": "1", "titration": "0", "maintenance_weeks": "8",
     "months": "24", "open_days": "mon,tue,wed,thu,fri"},
]
SCHEDULE_BAD = [
    {"start": "2026-02-30", "loading": "6"},
    {"start": "2026-12-07", "loading": "0"},
    {"start": "2026-12-07", "loading": "6", "maintenance_weeks": "0"},
    {"start": "2026-12-07", "loading": "6", "months": "36"},
    {"start": "2026-12-07", "loading": "6", "open_days": ""},
    {"start": "2027-03-01", "loading": "14", "open_days": "mon,tue,wed,thu,fri,sat,sun"},
    {"start": "2027-03-01", "loading": "6", "titration": "3", "maintenance_weeks": "2"},
    {"start": "2027-03-01", "loading": "4,5"},  # a comma in a whole number
]
# The question list: the boxes ticked, as the form sends them (their values, comma-joined)
QUESTIONS = [
    {},  # no field at all: nothing ticked
    {"have": ""},  # nothing ticked: the questions for everyone, and no word about the reader
    {"have": "liver"},
    {"have": "liver,sedatives"},
    {"have": " Liver , SEDATIVES"},  # spaces and capitals, as a command line may give them
    {"have": "heart-disease,pregnancy,under-18"},
    {"have": "rifampicin,clarithromycin,psychosis,substance-use,bladder,blood-pressure"},
]
QUESTIONS_BAD = [
    {"have": "nope"},
    {"have": "liver,nope"},  # one unknown among known ones: an error, not a partial list
]
ALL = ([("dose", f) for f in DOSE + DOSE_BAD] + [("schedule", f) for f in SCHEDULE + SCHEDULE_BAD]
       + [("questions", f) for f in QUESTIONS + QUESTIONS_BAD])

# A diary (raw strings, as the entry form sends them): a baseline week, then infusions on 11, 13
# and 18 January, two days without an entry (16 and 22), a day without one PEG answer (10), a day
# with none (20), a day without sleep figures (21), side effects with and without their hours.
# The figures the summary gives for it are worked out by hand in test_diary_summary.py.
DIARY = [
    {"date": "2027-01-04", "pain": "7", "enjoyment": "6", "activity": "7", "sleep_hours": "5.5",
     "sleep_quality": "4", "mood": "4"},
    {"date": "2027-01-05", "pain": "6", "enjoyment": "6", "activity": "6", "sleep_hours": "6",
     "sleep_quality": "5", "mood": "5"},
    {"date": "2027-01-06", "pain": "7", "enjoyment": "7", "activity": "6", "sleep_hours": "5",
     "sleep_quality": "3", "mood": "4", "effects": "headache", "lasted_headache": "4"},
    {"date": "2027-01-07", "pain": "6", "enjoyment": "5", "activity": "6", "sleep_hours": "6.5",
     "sleep_quality": "5", "mood": "5"},
    {"date": "2027-01-08", "pain": "7", "enjoyment": "6", "activity": "7", "sleep_hours": "5.5",
     "sleep_quality": "4", "mood": "4"},
    {"date": "2027-01-09", "pain": "6", "enjoyment": "6", "activity": "5", "sleep_hours": "6",
     "sleep_quality": "5", "mood": "5"},
    {"date": "2027-01-10", "pain": "7", "enjoyment": "", "activity": "7", "sleep_hours": "5",
     "sleep_quality": "4", "mood": "4"},
    {"date": "2027-01-11", "pain": "6", "enjoyment": "5", "activity": "6", "sleep_hours": "7",
     "sleep_quality": "6", "mood": "5", "effects": "dissociation,nausea",
     "lasted_dissociation": "1.5", "lasted_nausea": "2", "infusion": "yes",
     "note": "First infusion. Dreamy for a while afterwards."},
    {"date": "2027-01-12", "pain": "5", "enjoyment": "5", "activity": "5", "sleep_hours": "7.5",
     "sleep_quality": "6", "mood": "6", "effects": "headache", "lasted_headache": "3"},
    {"date": "2027-01-13", "pain": "5", "enjoyment": "4", "activity": "5", "sleep_hours": "7",
     "sleep_quality": "6", "mood": "6", "effects": "dissociation,sleepiness",
     "lasted_dissociation": "1", "infusion": "yes"},
    {"date": "2027-01-14", "pain": "4", "enjoyment": "4", "activity": "4", "sleep_hours": "8",
     "sleep_quality": "7", "mood": "6"},
    {"date": "2027-01-15", "pain": "5", "enjoyment": "4", "activity": "4", "sleep_hours": "7",
     "sleep_quality": "6", "mood": "7"},
    {"date": "2027-01-17", "pain": "4", "enjoyment": "3", "activity": "4", "sleep_hours": "7.5",
     "sleep_quality": "7", "mood": "7"},
    {"date": "2027-01-18", "pain": "4", "enjoyment": "4", "activity": "3", "sleep_hours": "6.5",
     "sleep_quality": "6", "mood": "6", "effects": "dissociation,headache",
     "lasted_dissociation": "0.5", "lasted_headache": "1", "infusion": "yes"},
    {"date": "2027-01-19", "pain": "4", "enjoyment": "3", "activity": "3", "sleep_hours": "8",
     "sleep_quality": "7", "mood": "7"},
    {"date": "2027-01-20", "sleep_hours": "7", "sleep_quality": "6", "mood": "6"},
    {"date": "2027-01-21", "pain": "3", "enjoyment": "3", "activity": "3", "mood": "7"},
    {"date": "2027-01-23", "pain": "4", "enjoyment": "3", "activity": "3", "sleep_hours": "7.5",
     "sleep_quality": "7", "mood": "7"},
    {"date": "2027-01-24", "pain": "3", "enjoyment": "3", "activity": "2", "sleep_hours": "8",
     "sleep_quality": "8", "mood": "8", "note": "Walked to the shop & back <without> a rest."},
]
