"""Name tables the wikitext templates rely on: country codes, flag aliases, units.

``{{GER}}`` shows Germany's flag and name; ``{{flag|USA}}`` shows "United States". MediaWiki
resolves these through hundreds of ``Country data`` pages; the tables here hold the codes and
aliases the "Foreign relations" corpus uses, plus common ones. Extend them freely.
"""

from __future__ import annotations

# Upper-case templates that show a country's flag and name (IOC, FIFA and ISO alpha-3 codes).
COUNTRY_CODES: dict[str, str] = {
    "AFG": "Afghanistan", "ALB": "Albania", "AND": "Andorra", "ARG": "Argentina",
    "AUS": "Australia", "AUT": "Austria", "BAN": "Bangladesh", "BEL": "Belgium",
    "BEN": "Benin", "BFA": "Burkina Faso", "BGR": "Bulgaria", "BHR": "Bahrain",
    "BHU": "Bhutan", "BIH": "Bosnia and Herzegovina", "BLR": "Belarus", "BLZ": "Belize",
    "BRA": "Brazil", "BRN": "Brunei", "BRU": "Brunei", "BUL": "Bulgaria", "CAN": "Canada",
    "CHL": "Chile", "CHN": "China", "COL": "Colombia", "CUB": "Cuba", "CYP": "Cyprus",
    "CZE": "Czech Republic", "DEN": "Denmark", "DEU": "Germany", "DNK": "Denmark",
    "DZA": "Algeria", "ECU": "Ecuador", "EGY": "Egypt", "ERI": "Eritrea", "ESP": "Spain",
    "ETH": "Ethiopia", "EU": "European Union", "FIJ": "Fiji", "FIN": "Finland",
    "FRA": "France", "GBR": "United Kingdom", "GEO": "Georgia", "GER": "Germany",
    "GNQ": "Equatorial Guinea", "GRC": "Greece", "GRE": "Greece", "GUA": "Guatemala",
    "GUI": "Guinea", "HKG": "Hong Kong", "HTI": "Haiti", "HUN": "Hungary", "IDN": "Indonesia",
    "INA": "Indonesia", "IND": "India", "IRL": "Ireland", "IRN": "Iran", "IRQ": "Iraq",
    "ISR": "Israel", "ITA": "Italy", "JAP": "Japan", "JOR": "Jordan", "JPN": "Japan",
    "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "KOR": "South Korea", "KOS": "Kosovo",
    "KSA": "Saudi Arabia", "KWT": "Kuwait", "LCA": "Saint Lucia", "LKA": "Sri Lanka",
    "LTU": "Lithuania", "LUX": "Luxembourg", "LVA": "Latvia", "MAS": "Malaysia",
    "MDV": "Maldives", "MEX": "Mexico", "MHL": "Marshall Islands", "MLD": "Maldives",
    "MMR": "Myanmar", "MNG": "Mongolia", "MUS": "Mauritius", "MWI": "Malawi",
    "MYS": "Malaysia", "NED": "Netherlands", "NER": "Niger", "NGA": "Nigeria",
    "NLD": "Netherlands", "NPL": "Nepal", "NZL": "New Zealand", "OMN": "Oman",
    "PAL": "State of Palestine", "PAR": "Paraguay", "PER": "Peru", "PHI": "Philippines",
    "PHL": "Philippines", "PLW": "Palau", "PNG": "Papua New Guinea", "POL": "Poland",
    "POR": "Portugal", "PRC": "China", "PRK": "North Korea", "PRT": "Portugal",
    "QAT": "Qatar", "ROM": "Romania", "ROU": "Romania", "RSA": "South Africa",
    "RUS": "Russia", "RWA": "Rwanda", "SAU": "Saudi Arabia", "SEN": "Senegal",
    "SGP": "Singapore", "SIN": "Singapore", "SKN": "Saint Kitts and Nevis",
    "SRB": "Serbia", "SUI": "Switzerland", "SVK": "Slovakia", "SWE": "Sweden",
    "SWZ": "Eswatini", "SYC": "Seychelles", "SYR": "Syria", "TAN": "Tanzania",
    "THA": "Thailand", "TJK": "Tajikistan", "TUR": "Turkey", "TUV": "Tuvalu",
    "UAE": "United Arab Emirates", "UK": "United Kingdom", "USA": "United States",
    "USSR": "Soviet Union", "UZB": "Uzbekistan", "VCT": "Saint Vincent and the Grenadines",
    "VIE": "Vietnam", "VNM": "Vietnam",
}  # fmt: skip

# Short names a flag template accepts for a country (``{{flag|USA}}``, ``{{flagcountry|UK}}``).
FLAG_ALIASES: dict[str, str] = {
    **COUNTRY_CODES,
    "US": "United States",
    "U.S.": "United States",
    "ROC": "Taiwan",
    "ROK": "South Korea",
    "DPRK": "North Korea",
    "SADR": "Sahrawi Arab Democratic Republic",
    "NATO": "NATO",
    "UN": "United Nations",
    "PDRE": "People's Democratic Republic of Ethiopia",
}

# Unit codes of {{convert}}: (symbol, name).
CONVERT_UNITS: dict[str, tuple[str, str]] = {
    "km": ("km", "kilometres"), "mi": ("mi", "miles"), "m": ("m", "metres"),
    "ft": ("ft", "feet"), "nmi": ("nmi", "nautical miles"), "km2": ("km²", "square kilometres"),
    "sqkm": ("km²", "square kilometres"), "mi2": ("sq mi", "square miles"),
    "sqmi": ("sq mi", "square miles"), "ha": ("ha", "hectares"), "acre": ("acres", "acres"),
    "kg": ("kg", "kilograms"), "t": ("t", "tonnes"), "lb": ("lb", "pounds"),
    "oilbbl/d": ("bbl/d", "barrels per day"), "oilbbl": ("bbl", "barrels"),
    "km/h": ("km/h", "kilometres per hour"), "mph": ("mph", "miles per hour"),
    "MW": ("MW", "megawatts"), "GW": ("GW", "gigawatts"), "C": ("°C", "°C"), "F": ("°F", "°F"),
}  # fmt: skip

# Templates that name a language by their own name ({{Korean|...}} is Korean text).
TEMPLATE_LANGUAGES: dict[str, str] = {
    "korean": "ko",
    "chinese": "zh",
    "zh": "zh",
    "nihongo": "ja",
}
