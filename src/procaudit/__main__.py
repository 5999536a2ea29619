from procaudit.cli import main

main()
