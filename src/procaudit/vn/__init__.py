"""Vietnamese domain knowledge in pure Python: text folding, legacy fonts, dates, levels,
agencies, provinces and ministries, with the CSV lists they read (`data/`).

Each function takes a string and returns a value; nothing here knows a table or imports
pandas, so the knowledge can be tested one value at a time and reused anywhere.
"""
