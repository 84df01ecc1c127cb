# attack: SystemExit ends only the script, as an ordinary error
# expect: error SystemExit
raise SystemExit(3)
