"""The canonical catalogue: its columns (`columns`), the comparison keys derived from them a
whole column at a time (`text_columns`), what a row's status says (`status`), the units a
stacked list is made of (`units`), and when Arrow's pool hands memory back (`arrow_memory`).

This is where `vn`'s value-at-a-time knowledge meets pandas.
"""
