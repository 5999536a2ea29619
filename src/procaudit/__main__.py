from procaudit.cli.launch import run

run()
