//! Template overrides touch nothing outside the page's view: tera 2 has no function that
//! reads the environment or a file (only `range` and `throw`), and rapport registers
//! none; `include`, `import` and `extends` name templates of the engine, never files, so
//! an absolute or `..` path is an unknown template, reported at the override and read
//! from nowhere.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, stderr, tree, Workspace};

const ACCOUNT: &str = "\
name: Northwind Supply
kind: supplier
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them }
";

/// Text that must never reach any output or message.
const SECRET: &str = "SECRET-7f3a9c-NOT-FOR-TEMPLATES";

#[test]
fn environment_and_file_access_from_an_override_fails_to_compile_and_reads_nothing() {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    ws.build();
    ws.write("secret.txt", SECRET);
    let outside = tempfile::tempdir().unwrap();
    let outside_file = outside.path().join("secret.txt");
    std::fs::write(&outside_file, SECRET).unwrap();
    let absolute = outside_file.to_str().unwrap().to_string();
    let statements = [
        "{{ get_env(name=\"HOME\") }}".to_string(),
        "{{ get_env(name=\"PATH\", default=\"x\") }}".to_string(),
        "{{ load_data(path=\"../secret.txt\") }}".to_string(),
        "{{ read_file(path=\"../secret.txt\") }}".to_string(),
        "{% include \"/etc/passwd\" %}".to_string(),
        format!("{{% include \"{absolute}\" %}}"),
        "{% include \"../secret.txt\" %}".to_string(),
        "{% include \"../../secret.txt\" %}".to_string(),
        "{% include \"../rapport.yaml\" %}".to_string(),
        format!("{{% import \"{absolute}\" as m %}}{{{{ m::x() }}}}"),
        "{% import \"../secret.txt\" as m %}{{ m::x() }}".to_string(),
        "{% import \"/etc/passwd\" as m %}{{ m::x() }}".to_string(),
    ];
    for statement in statements {
        let before = tree(&ws.site());
        ws.write("templates/shared-index.md", &format!("# x\n{statement}\n"));
        let check = assert_fails(&ws.run(&["check", "ws"]));
        let build = ws.try_build();
        let build_message = assert_fails(&build);
        for message in [&check, &build_message] {
            assert!(
                message.contains("ws/templates/shared-index.md"),
                "{statement}: the diagnostic names the override:\n{message}"
            );
            assert!(!message.contains(SECRET), "{statement}: {message}");
            assert!(!message.contains("root:x:0:0"), "{statement}: {message}");
        }
        assert_eq!(before, tree(&ws.site()), "{statement}: the site changed");
        let _ = stderr(&build);
    }
    // A file named like a template beside the overrides is not a template either.
    ws.write("templates/passwd", SECRET);
    ws.write(
        "templates/shared-index.md",
        "# x\n{% include \"passwd\" %}\n",
    );
    let message = assert_fails(&ws.run(&["check", "ws"]));
    assert!(!message.contains(SECRET), "{message}");
}
