"""`python -m anonymiser`: the same command line as `anonymiser`."""

from anonymiser.cli import app

if __name__ == "__main__":  # worker processes import this module without running the CLI
    app(prog_name="anonymiser")
