# Vietnamese formats: dd/mm/yyyy, "." for thousands (1.234.567 đ).
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
# Dates are shown dd/mm/yyyy and read as typed: 05/03/2026 or 5/3/2026, and the dashed and
# dotted forms people also write (05-03-2026, 05.03.2026); ISO for what machines send. Not
# "05032026": without separators "1122026" could be 11/2 or 1/12.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
