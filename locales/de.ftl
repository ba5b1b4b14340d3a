# rapports Meldungen auf Deutsch (siehe en.ftl).

and = und
parties = { $a } und { $b }
