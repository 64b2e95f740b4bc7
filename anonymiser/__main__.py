from anonymiser.cli import app

app(prog_name="anonymiser")
