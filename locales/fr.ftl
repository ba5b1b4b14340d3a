# Les messages de rapport en français (voir en.ftl).

and = et
parties = { $a } et { $b }
