from datetime import date
date(2024, 2, 30)
