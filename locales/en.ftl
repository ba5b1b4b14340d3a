# rapport's messages in English: the labels of the shared folder (statement, progress
# pages, index). Every key used by a template is here and in de.ftl and fr.ftl
# (tests/messages.rs).

and = and
parties = { $a } and { $b }
