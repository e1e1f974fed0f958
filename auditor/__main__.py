from auditor.commands.cli import main

main()
