from procaudit.cli import run

run()
