"""The canonical catalogue: its columns (`columns`), the comparison keys derived from them a
whole column at a time (`text_columns`), what a row's status says (`status`), and the units a
stacked list is made of (`units`).

This is where `vn`'s value-at-a-time knowledge meets pandas.
"""
