"""Input sets shared by the CPython, Pyodide and browser tests (raw strings, as a form sends)."""

DOSE = [
    {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "minutes": "240", "concentration": "1"},
    {"weight": "80", "unit": "kg", "protocol": "schwartzman-2009"},
    {"weight": "154", "unit": "lb", "protocol": "schwartzman-2009", "concentration": "2"},
    {"weight": "70", "unit": "kg", "protocol": "sanacora-2017"},
    {"weight": "95", "unit": "kg", "height_cm": "170", "sex": "female", "basis": "adjusted",
     "protocol": "asra-2018", "minutes": "150"},
    {"weight": "62.5", "unit": "kg", "height_cm": "181", "sex": "male", "basis": "ideal",
     "protocol": "sanacora-2017", "dose": "0.75"},
    {"weight": "45", "unit": "kg", "protocol": "nhs-highland", "minutes": "60"},
    {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "dose": "0.5"},
    {"weight": "45", "unit": "kg", "height_cm": "180", "sex": "male", "basis": "ideal",
     "protocol": "sanacora-2017"},
    {"weight": "70", "unit": "kg", "protocol": "murrough-2013"},
    {"weight": "70", "unit": "kg", "protocol": "asra-2018"},
]
DOSE_BAD = [
    {"weight": "", "protocol": "schwartzman-2009"},
    {"weight": "seventy", "protocol": "schwartzman-2009"},
    {"weight": "nan", "protocol": "schwartzman-2009"},
    {"weight": "-5", "protocol": "schwartzman-2009"},
    {"weight": "70", "protocol": "no-such-protocol"},
    {"weight": "70", "protocol": "schwartzman-2009", "basis": "ideal"},
    {"weight": "70", "protocol": "schwartzman-2009", "basis": "ideal", "height_cm": "140", "sex": "female"},
    {"weight": "1e309", "protocol": "schwartzman-2009", "minutes": "0"},
    {"weight": "70", "protocol": "schwartzman-2009", "dose": "3"},
    {"weight": "20", "protocol": "asra-2018"},
    {"weight": "70", "protocol": "crps-22mgh"},
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
]
CONVERT = [
    {"rate": "0.35", "rate_unit": "mg/kg/h", "weight": "70", "unit": "kg", "concentration": "1"},
    {"rate": "12.5", "rate_unit": "mL/h", "weight": "154", "unit": "lb", "concentration": "2"},
]
CONVERT_BAD = [
    {"rate": "3", "rate_unit": "mg/kg/h", "weight": "70", "unit": "kg", "concentration": "1"},
]
ALL = ([("dose", f) for f in DOSE + DOSE_BAD] + [("schedule", f) for f in SCHEDULE + SCHEDULE_BAD]
       + [("convert", f) for f in CONVERT + CONVERT_BAD])
