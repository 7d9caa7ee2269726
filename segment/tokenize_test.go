package segment

import (
	"strings"
	"testing"
)

// TestTokenRules checks the tokenization of web-text forms against the UD
// EWT conventions, tokens only (joined by spaces).
func TestTokenRules(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"its before a determiner", "I think its a good idea", "I think it s a good idea"},
		{"its before negation", "its not fair", "it s not fair"},
		{"its kind of", "so its kind of a big deal", "so it s kind of a big deal"},
		{"possessive its before a noun", "the city and its people", "the city and its people"},
		{"possessive its kind", "the first of its kind.", "the first of its kind ."},
		{"possessive its very", "threatens its very existence", "threatens its very existence"},
		{"its before a hyphenated word", "its all-time high", "its all - time high"},
		{"your before a preposition", "if your in the USA", "if you r in the USA"},
		{"possessive your", "give it your all and your best", "give it your all and your best"},
		{"Lets at a sentence start", "Lets get together soon", "Let s get together soon"},
		{"lets before an object", "the tool lets you edit", "the tool lets you edit"},
		{"lets after but", "but lets face it", "but let s face it"},
		{"ill before be", "ill be going", "i ll be going"},
		{"ill as an adjective", "he fell ill in May", "he fell ill in May"},
		{"name Ill", "Kim Jong Ill also", "Kim Jong Ill also"},
		{"contractions without apostrophes", "i wont go, theres no time and hes late", "i wo nt go , there s no time and he s late"},
		{"dunno", "I dunno what to do", "I du n no what to do"},
		{"prefix over", "an over-eater", "an over-eater"},
		{"obfuscated e-mail in brackets", `"Ryan"<rreynol...@cogeco.ca> Groups`, `" Ryan " < rreynol...@cogeco.ca > Groups`},
		{"e-mail ends with its domain", "mail a@b.com's owner", "mail a@b.com 's owner"},
		{"emoticon before a period", "I like it :-). Yes", "I like it :-) . Yes"},
		{"bracket then colon", "the column here ): At", "the column here ) : At"},
		{"rule of dashes and equals", "genuine. ----== Posted", "genuine . ----== Posted"},
		{"arrow", "click --> here", "click --> here"},
		{"angle brackets stay apart", "Mayur ? <>", "Mayur ? < >"},
		{"telephone extension", "Woodson (3-5213), Bert", "Woodson ( 3-5213 ) , Bert"},
		{"number range", "pages 10-12 and 1990-1995", "pages 10 - 12 and 1990 - 1995"},
		{"abbreviation after a hyphen", "Lynch (D-Mass.) said; Jan.-Feb. sales", "Lynch ( D - Mass. ) said ; Jan. - Feb. sales"},
		{"hyphenated word before a period", "a follow-up. Then", "a follow - up . Then"},
		{"state abbreviations that are also words", "Casey (D-Pa.) of St. Louis, Mo., met", "Casey ( D - Pa. ) of St. Louis , Mo. , met"},
		{"initials after a hyphen", "Anglo-U.S. talks and a pro-U.S. rally", "Anglo - U.S. talks and a pro-U.S. rally"},
		{"date with hyphens", "paid on 11-20-2000.", "paid on 11-20-2000 ."},
		{"country code", "call +1 212-848-8400 now", "call +1 212-848-8400 now"},
		{"plus between numbers", "6.8 + 7.2", "6.8 + 7.2"},
		{"hashtag", "join #audiobooks now", "join #audiobooks now"},
		{"number sign before a number", "the #1 service", "the # 1 service"},
		{"number sign after a word", "a Duns# and", "a Duns # and"},
		{"ellipsis then question mark", "downtown...? like", "downtown ... ? like"},
		{"two periods and a question mark", "pls..? i", "pls ..? i"},
		{"period and question mark", "what.? ok", "what .? ok"},
		{"not a month and day", "open 24/7 and 19/20", "open 24 / 7 and 19 / 20"},
		{"dates and fractions with slashes", "on 9/11 and 11/28/2000, 1/2 cup", "on 9/11 and 11/28/2000 , 1/2 cup"},
		{"two-letter pairs with a slash", "NY/NJ and w/o and A/C", "NY / NJ and w/o and A/C"},
		{"time with am or pm", "at 7:30PM and 6:00pm", "at 7:30 PM and 6:00 pm"},
		{"file and host names with hyphens", "see ld2d-#69366-1.DOC and Get-A-Free-House.com now", "see ld2d-#69366-1.DOC and Get-A-Free-House.com now"},
		{"hyphenated words stay split", "a well-known state-run firm.", "a well - known state - run firm ."},
		{"at sign before a number", "price @2.975 today", "price @ 2.975 today"},
		{"number sign inside a word", "job#0000108806 ok", "job # 0000108806 ok"},
		{"toll-free number", "call 1-800-991-9019 now", "call 1-800-991-9019 now"},
		{"abbreviation before a question mark", "the T.V.? yes", "the T.V. ? yes"},
		{"attn", "Attn. Bob", "Attn. Bob"},
		{"nested brackets", "(see (a)) and [[1]]", "( see ( a ) ) and [ [ 1 ] ]"},
	}
	sg := newTestSegmenter(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, sents := sg.Segment(tc.text)
			words := make([]string, len(toks))
			for i, s := range toks {
				words[i] = tc.text[s.Start:s.End]
			}
			if got := strings.Join(words, " "); got != tc.want {
				t.Errorf("tokens of %q: got %q; want %q", tc.text, got, tc.want)
			}
			checkInvariants(t, tc.text, toks, sents)
		})
	}
}
