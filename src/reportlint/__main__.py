from reportlint.cli import main

raise SystemExit(main())
