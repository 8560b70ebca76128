//! Answers files and drafts as the app and `intake` read them: any text is an error value or
//! answers that survive a round trip unchanged.

#![no_main]

use intake_core::answers::Answers;
use intake_core::draft::Draft;
use intake_core::questionnaire::Questionnaire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");

    if let Ok(answers) = Answers::from_json(text, questionnaire) {
        let written = answers.to_json();
        let reread = Answers::from_json(&written, questionnaire)
            .unwrap_or_else(|error| panic!("written answers do not read back: {error}\n{written}"));
        assert_eq!(reread, answers, "answers change in a round trip");
        assert_eq!(
            reread.to_json(),
            written,
            "answers are written differently twice"
        );
    }

    if let Ok(draft) = Draft::from_json(text, questionnaire) {
        let _ = draft.pending_problems(questionnaire);
        let written = draft.to_json();
        let reread = Draft::from_json(&written, questionnaire).unwrap_or_else(|error| {
            panic!("a written draft does not read back: {error}\n{written}")
        });
        assert_eq!(reread, draft, "a draft changes in a round trip");
        assert_eq!(
            reread.to_json(),
            written,
            "a draft is written differently twice"
        );
    }
});
