#!/usr/bin/env python3
"""Build the multilingual web-chrome phrase packs in rules/boilerplate/.

    python scripts/build_lexicon.py [--tsv ../shared/lexicon/wordpress-ui.tsv] [--check]

Writes, from scratch, three `kind: phrases` rule packs:

    rules/boilerplate/comment-forms.yaml   BP101-BP199
    rules/boilerplate/related-links.yaml   BP201-BP299
    rules/boilerplate/widgets.yaml         BP401-BP499

With --check it writes nothing and fails if a pack on disk differs from what it would write.

Where the phrases come from
---------------------------
1. `wordpress-ui.tsv` (columns locale, msgid, msgstr, source; see its README): real translations of
   WordPress UI strings from gettext .po files of WordPress core, the Twenty* themes, Jetpack and
   a few themes and plugins, committed to public GitHub repositories. These translations are
   GPL-licensed like WordPress itself (GPLv2 or later); see rules/boilerplate/LEXICON-NOTICE.md.
   Only msgid/msgstr strings are used, no code.
2. The `extra` lists of RULES and PREFIX_EXTRA below: hand-written entries for strings the .po
   files do not have (cookie banners, "See also" link lines, newsletter prompts, legal links,
   plural comment counts ...) in the languages of the packs.

How a msgid becomes a rule
--------------------------
Each msgid is reduced to a key (tags dropped, entities decoded, placeholders written `%s`,
case-folded, edge punctuation stripped) and KEY_RULE maps the key to a rule code, e.g.
"Leave a Reply" and "Leave a Reply to %s" -> BP101, "Your email address will not be published."
-> BP102, "Continue reading %s" -> BP202, "Share this:" -> BP401, "Skip to content" -> BP408.
Keys in SKIPPED_KEYS are left out on purpose: post meta such as "By %s", "Posted on %s",
"Tagged %s" and "Written by" would also match real bylines and datelines (other rules handle
those), and the bare "Like" button is an ordinary word in many languages. A key in neither table
stops the build, so new rows in the lexicon are never dropped silently. The English msgid itself
becomes the `en` phrase.

Clean-up of every msgstr
------------------------
* locale -> ISO 639-1 language (pt_PT and pt_BR -> pt, zh_CN and zh_TW -> zh, nb_NO -> nb ...);
* rows from shazadmaved/vizblog are skipped (UTF-8 read as Latin-1: mojibake); for the short form
  labels of CORE_ONLY_KEYS ("Name", "Email", "Comment", "Reply") only core, theme and Jetpack rows
  are used, since plugins translate them as admin labels ("Field name", "By name");
* `\n` splits a string into lines (each line is a phrase, and so is the whole string on one
  line); zero-width characters and no-break spaces count as white space, as in the matcher;
* `<span class="screen-reader-text">...</span>` is dropped (what a browser shows); for "Continue
  reading %s" and "Leave a comment on %s" the span's text is kept as a second variant, since text
  extractors keep screen-reader text; all other tags are removed and their text kept;
* HTML entities are decoded (&hellip; -> ..., &rarr; -> ->, &nbsp; -> no-break space);
* placeholders: %s, %1$s ... -> `{*}` (any text); %d and the comment count of "One thought on"
  and "1 Comment" -> `{n}` (a number); the %s of "Required fields are marked %s" -> `*`;
  quotes around a title placeholder are dropped (sites print titles with different quote marks),
  except in "One thought on “%s”", where they are what tells the heading from a sentence (a
  straight-quote form is added); in the footer credit (BP413) %s is WordPress, as in core;
* white space is collapsed and the text is put in Unicode NFC.

A cleaned phrase is dropped when it is empty or still holds markup or a `%`; when a non-English
msgstr is the untranslated English msgid (unless it is a loanword such as "Menu" or "Email", see
LOANWORD_KEYS); when it lacks the script of its language (Cyrillic for ru, Han for zh ...); when
it holds `{*}` but fewer than two literal words (three characters in Chinese, Japanese, Thai),
since "{*} weiterlesen" would match too many lines; or when it is in STOPLIST or in a rule's
`drop` list: ordinary words that could be a headline or a subheading ("Folgen", "Privacy"),
"no comment" forms that a spokesperson says, two-word templates that read like headlines
("Svar på {*}"), and translations that are simply wrong ("Към Google Maps" for "Print").

Generated combinations
----------------------
WordPress prints some strings on one line, so the packs also hold their joins, per language:
heading + "Cancel reply" ("Leave a Reply Cancel reply"), "Your email address will not be
published." + "Required fields are marked *" (also after "Logged in as ..."), Jetpack's "Like" +
"Loading...", "Share on Facebook" with other networks put in, "Click to share on X" with the
network as `{*}` (and a trailing `{*}` for "(Opens in new window)"), "Comments ({n})", and the
lines and sentences of the Jetpack cookie banner (sentences go to the prefix rule BP407).

Prefix rules
------------
The matcher strips trailing punctuation from a prefix phrase, so "Read more:" would act as
"Read more" and catch "Read more widely, she said". Openings that are ordinary words without their
colon are therefore written "Read more: {*}": the colon and some text after it are required.

Phrases are deduplicated per language on the matcher's line key (case-folded, white space
collapsed, edge punctuation stripped). A whole-line phrase that a prefix rule already catches, or
that an earlier rule already holds, is left out of the later rule. Output is sorted, so running
the script twice gives the same files.
"""
from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import textwrap
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TSV = ROOT.parent / "shared" / "lexicon" / "wordpress-ui.tsv"
OUT_DIR = ROOT / "rules" / "boilerplate"

HEADER = """\
# {title}
#
# Generated by scripts/build_lexicon.py -- do not edit by hand; change the script and rerun it.
# Phrases come from WordPress UI translations (core, Twenty* themes, Jetpack and a few themes and
# plugins; GPLv2 or later, see LEXICON-NOTICE.md) plus hand-written entries for strings and
# languages those translation files lack.
"""

# Language order in the packs: the matcher tags a phrase shared by several languages with the
# first one, so English comes first.
LANGS = ("en tr de es fr it pt pl ru uk ro nl ar zh ja ko id ms vi th he fa hi bn cs sk hu el bg "
         "sr hr sv da nb fi lt lv et sl az ka").split()
SKIP_SOURCES = ("shazadmaved/vizblog",)
# The matcher's edge punctuation (docs/rules.md): stripped from both ends of a whole line.
EDGE = " :.,;*…!?|-–—•·»«›‹>→\"'“”‘’()[]/\\#_~=+"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
QUOTES = "\"'“”„‟«»‹›‘’‚「」『』《》〈〉"
NO_SPACE_LANGS = {"zh", "ja", "th"}
SCRIPT = {
    "ru": "[\u0400-\u04ff]", "uk": "[\u0400-\u04ff]", "bg": "[\u0400-\u04ff]", "sr": "[\u0400-\u04ff]",
    "el": "[\u0370-\u03ff\u1f00-\u1fff]", "ar": "[\u0600-\u06ff]", "fa": "[\u0600-\u06ff]",
    "he": "[\u0590-\u05ff]", "zh": "[\u4e00-\u9fff]", "ja": "[\u3040-\u30ff\u4e00-\u9fff]",
    "ko": "[\uac00-\ud7af]", "th": "[\u0e00-\u0e7f]", "hi": "[\u0900-\u097f]", "bn": "[\u0980-\u09ff]",
    "ka": "[\u10a0-\u10ff]",
}
NETWORKS = ("Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "Telegram", "Pinterest", "Reddit",
            "Threads", "Bluesky")

# ---------------------------------------------------------------------------------------------
# msgid key -> rule
# ---------------------------------------------------------------------------------------------
KEY_RULE = {
    # comment-forms.yaml
    "leave a reply": "BP101", "leave a comment": "BP101", "leave a reply to %s": "BP101",
    "leave a comment on %s": "BP101",
    "your email address will not be published": "BP102", "required fields are marked %s": "BP102",
    "save my name, email, and website in this browser for the next time i comment": "BP102",
    "logged in as %s": "BP102", "logged in as %s. edit your profile. log out": "BP102",
    "name": "BP103", "email": "BP103", "website": "BP103", "comment": "BP103",
    "post comment": "BP104", "cancel reply": "BP104",
    "comments are closed": "BP105", "no comments yet": "BP105",
    "your comment is awaiting moderation": "BP106",
    "1 comment": "BP107", "one thought on %s": "BP107",
    "comments": "BP108", "reply": "BP108", "comment navigation": "BP108", "older comments": "BP108",
    "newer comments": "BP108",
    # related-links.yaml
    "related": "BP201", "related posts": "BP201", "related articles": "BP201",
    "you might also like": "BP201",
    "read more": "BP202", "read more %s": "BP202", "read more at %s": "BP202",
    "continue reading": "BP202", "continue reading %s": "BP202",
    # widgets.yaml
    "share": "BP401", "share this": "BP401", "share on facebook": "BP401", "share on twitter": "BP401",
    "click to share on %s": "BP401", "click to email a link to a friend": "BP401",
    "click to email this to a friend": "BP401",
    "like this": "BP402",
    "print": "BP403", "click to print": "BP403",
    "subscribe to our newsletter": "BP404",
    "subscribe": "BP405", "follow": "BP405", "follow us": "BP405",
    "cookie policy": "BP406", "cookie consent": "BP406", "privacy & cookies": "BP406",
    "skip to content": "BP408", "skip to the content": "BP408",
    "home": "BP409", "menu": "BP409", "primary menu": "BP409", "footer menu": "BP409",
    "social links menu": "BP409",
    "post navigation": "BP410", "posts navigation": "BP410", "previous post": "BP410",
    "next post": "BP410", "older posts": "BP410", "newer posts": "BP410",
    "recent posts": "BP411", "recent comments": "BP411", "archives": "BP411", "categories": "BP411",
    "tags": "BP411", "tagged": "BP411", "tagged with": "BP411", "popular posts": "BP411",
    "search": "BP412", "search for": "BP412", "search results for: %s": "BP412",
    "proudly powered by %s": "BP413", "proudly powered by wordpress": "BP413", "powered by %s": "BP413",
    "privacy policy": "BP414",
    "log in": "BP415", "log out": "BP415",
    "advertisement": "BP416", "sponsored": "BP416",
    "loading": "BP417",
}
# Post meta (bylines, datelines, tag lists with the tags in them) and the bare "Like" button:
# as whole lines they would also match real bylines, datelines and ordinary words.
SKIPPED_KEYS = {
    "by %s", "posted in", "posted in %s", "posted on", "posted on %s", "posted on %s by %s",
    "published by %s", "tagged %s", "tagged with %s", "written by", "like",
}
# Short form labels: plugins (shops, form builders, page builders) translate "Name" or "Comment"
# as admin labels ("Field name", "File name", "By name"), so only core, theme and Jetpack rows are
# taken for these keys.
CORE_ONLY_KEYS = {"name", "email", "website", "comment", "comments", "reply"}
# Keys whose translation may be the English word itself.
LOANWORD_KEYS = {"email", "website", "menu", "home", "tags", "cookie policy", "privacy policy",
                 "footer menu", "primary menu", "sponsored", "print", "share"}
# Never a whole-line phrase: ordinary words of article text or headlines in some language.
STOPLIST = {
    "post", "link", "like", "links", "more", "next", "previous", "back", "close", "open", "top",
    "new", "news", "blog", "info", "page", "pages", "video", "photo", "photos", "foto", "live",
    "ad", "web", "site", "mail", "sus", "jos", "giriş", "вход", "регистрация", "register",
    "datenschutz", "personvern", "disclaimer", "meta", "list", "view", "edit", "about", "in",
    "folgen", "twitter", "facebook",
}

# ---------------------------------------------------------------------------------------------
# Rules: metadata, extra (hand-written) phrases, per-rule drop lists
# ---------------------------------------------------------------------------------------------
RULES = [
    # ============================== comment-forms.yaml ==============================
    dict(
        file="comment-forms.yaml", code="BP101", name="comment-form-heading", severity="warning",
        confidence=0.97,
        message='Comment-form heading left from the page ({lang}): "{text}"',
        why="Blog and news templates print a heading such as \"Leave a Reply\" above the comment "
            "form. A scraper that keeps every block of text leaves it at the end of the article, "
            "where it reads as part of the story and teaches a model that articles end by asking "
            "for replies. It is never article text and can be deleted.",
        match=["Leave a Reply", "Bir yanıt yazın", "Schreibe einen Kommentar", "Deja una respuesta",
               "Leave a Reply Cancel reply", "发表回复"],
        no_match=["She said she would leave a reply to the ministry's letter by Friday.",
                  "The council asked residents to leave a comment on the draft plan before March.",
                  "Bakan, mektuba bir yanıt yazın çağrısına uymadı."],
        extra={
            "tr": ["Yorum yap", "Bir yorum yazın"],
            "de": ["Kommentar hinterlassen", "Kommentar schreiben"],
            "es": ["Dejar una respuesta"],
            "fr": ["Laisser une réponse", "Ajouter un commentaire"],
            "it": ["Lascia una risposta"],
            "pt": ["Deixe seu comentário"],
            "pl": ["Zostaw komentarz", "Napisz komentarz"],
            "ro": ["Adaugă un comentariu"],
            "nl": ["Reactie toevoegen"],
            "ar": ["أضف تعليقاً"],
            "zh": ["发表评论", "留言"],
        },
        # "Reply to X" in two words reads like a headline ("Svar på kritikken", "Odgovori na pitanja").
        drop={"el": ["Απάντηση", "Απάντηση σε {*}"], "pl": ["Odpowiedz na {*}"], "nb": ["Svar på {*}"],
              "vi": ["Trả lời {*}"], "hr": ["Odgovori na {*}"], "nl": ["Reageren op {*}"],
              "lv": ["Atbildēt uz {*}"], "fa": ["پاسخ دادن به {*}"], "he": ["להגיב על {*}"]},
    ),
    dict(
        file="comment-forms.yaml", code="BP102", name="comment-form-notice", severity="warning",
        confidence=0.99,
        message='Comment-form notice left from the page ({lang}): "{text}"',
        why="The comment form's fine print (\"Your email address will not be published. Required "
            "fields are marked *\", the save-my-details checkbox, \"Logged in as ...\", the spam "
            "filter notice) is printed by the site for commenters. In an article body it is noise "
            "that repeats across thousands of pages and says nothing about the story.",
        match=["Your email address will not be published. Required fields are marked *",
               "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
               "Deine E-Mail-Adresse wird nicht veröffentlicht.",
               "Save my name, email, and website in this browser for the next time I comment.",
               "Ваш адрес email не будет опубликован. Обязательные поля помечены *"],
        no_match=["The court ruled that the email address of the witness will not be published.",
                  "Required fields on the census form are marked with a star, officials said."],
        extra={
            "en": ["Your email address will not be published. Required fields are marked *",
                   "Your email address will not be published. Required fields are marked {*}",
                   "You must be logged in to post a comment.",
                   "Notify me of follow-up comments by email.", "Notify me of new posts by email.",
                   "Notify me of new comments via email.",
                   "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                   "This site uses Akismet to reduce spam. {*}",
                   "Your email address will not be published. {*}",
                   "Mandatory fields are marked *", "Your email address will not be shared."],
            "de": ["Du musst angemeldet sein, um einen Kommentar abzugeben.",
                   "Benachrichtige mich über nachfolgende Kommentare via E-Mail.",
                   "Benachrichtige mich über neue Beiträge via E-Mail.",
                   "Diese Website verwendet Akismet, um Spam zu reduzieren. {*}",
                   "Diese Website verwendet Akismet, um Spam zu reduzieren.",
                   "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
                   "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"],
            "es": ["Debes iniciar sesión para publicar un comentario.",
                   "Recibir un email con los siguientes comentarios a esta entrada.",
                   "Recibir un email con cada nueva entrada.",
                   "Este sitio usa Akismet para reducir el spam. {*}",
                   "Este sitio usa Akismet para reducir el spam."],
            "fr": ["Vous devez vous connecter pour publier un commentaire.",
                   "Prévenez-moi de tous les nouveaux commentaires par e-mail.",
                   "Prévenez-moi de tous les nouveaux articles par e-mail.",
                   "Ce site utilise Akismet pour réduire les indésirables. {*}",
                   "Ce site utilise Akismet pour réduire les indésirables."],
            "it": ["Devi essere connesso per inviare un commento.",
                   "Questo sito usa Akismet per ridurre lo spam. {*}",
                   "Questo sito usa Akismet per ridurre lo spam."],
            "pt": ["Você precisa fazer o login para publicar um comentário.",
                   "Este site utiliza o Akismet para reduzir spam. {*}",
                   "Este site usa o Akismet para reduzir spam. {*}",
                   "Este site utiliza o Akismet para reduzir spam."],
            "tr": ["Yorum yapabilmek için oturum açmalısınız.",
                   "Bu site, istenmeyenleri azaltmak için Akismet kullanıyor. {*}",
                   "Bu site, istenmeyenleri azaltmak için Akismet kullanıyor."],
            "ru": ["Для отправки комментария вам необходимо авторизоваться.",
                   "Этот сайт использует Akismet для борьбы со спамом. {*}",
                   "Этот сайт использует Akismet для борьбы со спамом."],
            "pl": ["Musisz się zalogować, aby móc dodać komentarz.",
                   "Ta witryna wykorzystuje Akismet, aby ograniczyć spam. {*}"],
            "nl": ["Je moet ingelogd zijn om een reactie te plaatsen.",
                   "Deze site gebruikt Akismet om spam te verminderen. {*}"],
            "ro": ["Trebuie să fii autentificat pentru a publica un comentariu.",
                   "Acest site folosește Akismet pentru a reduce spamul. {*}"],
        },
        drop={"id": ["Masuk sebagai {*}"], "pt": ["Ligado como {*}"]},
    ),
    dict(
        file="comment-forms.yaml", code="BP103", name="comment-form-field-label", severity="warning",
        confidence=0.85,
        message='Comment-form field label left from the page ({lang}): "{text}"',
        why="The labels of the comment form (Name, Email, Website, Comment, often with a star) end "
            "up as one-word lines when a page is flattened to text. A line that is only such a "
            "label is form chrome; inside a sentence the same words are left alone.",
        match=["Email *", "Nome", "E-posta", "Website:", "Имя *"],
        no_match=["The website was down for hours on Monday.",
                  "Name the day, the minister told reporters."],
        drop={"de": ["Feld-Name"]},
    ),
    dict(
        file="comment-forms.yaml", code="BP104", name="comment-form-button", severity="warning",
        confidence=0.97,
        message='Comment-form button text left from the page ({lang}): "{text}"',
        why="\"Post Comment\" and \"Cancel reply\" are the buttons and links of the comment form. "
            "As lines of an article they are meaningless and only show that the page chrome was "
            "not removed.",
        match=["Post Comment", "Yorum gönder", "Kommentar abschicken", "Cancel reply",
               "Annuler la réponse"],
        no_match=["Voters were asked to post comment cards to the council.",
                  "Officials said they would cancel reply letters sent in error."],
        extra={
            "en": ["Submit Comment", "Click here to cancel reply."],
        },
        # One-word translations that are ordinary words ("Cancel", "Add", "Refusal").
        drop={"vi": ["Hủy"], "he": ["לבטל"], "bg": ["Отказ", "Публикуване"],
              "lv": ["Atcelt", "Pievienot"], "th": ["ความเห็นเรื่อง"]},
    ),
    dict(
        file="comment-forms.yaml", code="BP105", name="comments-closed", severity="warning",
        confidence=0.97,
        message='Comment-status notice left from the page ({lang}): "{text}"',
        why="\"Comments are closed.\" and \"No comments yet.\" describe the state of the page's "
            "comment section, not the story. Left in the text they end the article with a false "
            "statement about it.",
        match=["Comments are closed.", "Yorumlar kapatıldı.", "Kommentare sind geschlossen.",
               "Los comentarios están cerrados.", "Be the first to comment"],
        no_match=["Comments are closed to the public during the trial, the judge said.",
                  "No comments yet have been received from the ministry, the spokesman said."],
        extra={
            "en": ["Comments are closed", "Comments Off", "Comments Off on {*}", "Comments are disabled",
                   "Commenting is closed", "Be the first to comment", "No Comments", "No Comments Yet",
                   "Sorry, the comment form is closed at this time.", "There are no comments yet"],
            "de": ["Sei der Erste, der kommentiert", "Noch keine Kommentare vorhanden",
                   "Keine Kommentare", "Kommentare geschlossen"],
            "es": ["Sé el primero en comentar", "No hay comentarios", "Comentarios cerrados"],
            "fr": ["Soyez le premier à commenter", "Commentaires fermés"],
            "it": ["Sii il primo a commentare", "Commenti chiusi"],
            "pt": ["Seja o primeiro a comentar", "Sem comentários ainda", "Comentários encerrados"],
            "tr": ["İlk yorumu siz yapın", "İlk yorumu sen yap", "Henüz yorum yapılmamış",
                   "Henüz yorum yok"],
            "ru": ["Будьте первым, кто оставит комментарий", "Комментариев пока нет"],
            "uk": ["Будьте першим, хто залишить коментар", "Коментарів поки немає",
                   "Немає коментарів"],
            "pl": ["Bądź pierwszy, który skomentuje", "Brak komentarzy", "Komentarze zamknięte"],
            "ro": ["Fii primul care comentează", "Nu există comentarii"],
            "nl": ["Wees de eerste om te reageren", "Geen reacties", "Nog geen reacties"],
            "ar": ["كن أول من يعلق", "لا توجد تعليقات", "لا توجد تعليقات بعد"],
            "zh": ["暂无评论", "还没有评论", "沒有留言", "尚無留言", "抢沙发"],
            "ja": ["まだコメントはありません", "コメントはまだありません"],
            "ko": ["아직 댓글이 없습니다", "첫 댓글을 남겨주세요"],
            "id": ["Jadilah yang pertama berkomentar", "Belum ada komentar"],
            "ms": ["Jadilah yang pertama memberi komen"],
            "vi": ["Hãy là người đầu tiên bình luận", "Chưa có bình luận nào"],
            "cs": ["Buďte první, kdo přidá komentář", "Zatím žádné komentáře"],
            "sk": ["Buďte prvý, kto pridá komentár", "Zatiaľ žiadne komentáre"],
            "hu": ["Legyél te az első hozzászóló", "Még nincs hozzászólás"],
            "el": ["Γίνετε ο πρώτος που θα σχολιάσει", "Δεν υπάρχουν σχόλια"],
            "sv": ["Bli först med att kommentera", "Inga kommentarer ännu"],
            "da": ["Vær den første til at kommentere", "Ingen kommentarer endnu"],
            "nb": ["Bli den første til å kommentere", "Ingen kommentarer ennå"],
            "fi": ["Ole ensimmäinen kommentoija", "Ei vielä kommentteja"],
        },
        # "No comment" is also what a spokesperson says: only "no comments (yet)" forms stay.
        drop={"nl": ["Reageren?"], "ru": ["Нет комментариев", "Комментариев нет"],
              "uk": ["Немає коментарів"]},
    ),
    dict(
        file="comment-forms.yaml", code="BP106", name="comment-awaiting-moderation", severity="warning",
        confidence=0.99,
        message='Comment-moderation notice left from the page ({lang}): "{text}"',
        why="\"Your comment is awaiting moderation.\" is shown to a commenter under a comment that "
            "has not been approved. It is addressed to a reader of the page, not part of the "
            "article, and must not survive into a cleaned corpus.",
        match=["Your comment is awaiting moderation.", "Yorumunuz onay bekliyor",
               "Dein Kommentar wartet auf Freischaltung.", "Ваш комментарий ожидает проверки."],
        no_match=["The editor said your comment is awaiting moderation by the legal team.",
                  "A comment awaiting moderation was removed after the complaint."],
        extra={
            "en": ["Your comment is awaiting moderation. This is a preview; your comment will be "
                   "visible after it has been approved."],
        },
    ),
    dict(
        file="comment-forms.yaml", code="BP107", name="comment-count", severity="warning",
        confidence=0.95,
        message='Comment count or comment-section title left from the page ({lang}): "{text}"',
        why="Comment counts (\"12 Comments\") and titles of the comment section (\"One thought on "
            "“...”\") come from the page template. They date the page, repeat the headline and are "
            "not part of the article.",
        match=["12 Comments", "One thought on “Budget talks resume”", "3 Kommentare", "5 yorum",
               "“Seçim sonuçları” üzerine bir düşünce", "8 commentaires",
               "Ein Gedanke zu „Haushalt 2024“"],
        no_match=["There were 12 comments from readers, most of them critical.",
                  "One thought on the minister's mind was the budget, aides said."],
        extra={
            "en": ["{n} Comments", "{n} Responses", "{n} Replies", "{n} thoughts on “{*}”",
                   "{n} thoughts on \"{*}\"", "{n} Responses to “{*}”", "{n} Responses to \"{*}\"",
                   "One Response to “{*}”", "One Response to \"{*}\"", "{n} Replies to “{*}”",
                   "{n} Replies to \"{*}\"", "{n} Comments on “{*}”", "Comments ({n})",
                   "View {n} comments", "Show comments ({n})"],
            "tr": ["{n} Yorum", "{n} yorum yapıldı", "Yorumlar ({n})"],
            "de": ["{n} Kommentare", "{n} Antworten", "Kommentare ({n})"],
            "es": ["{n} comentarios", "{n} respuestas"],
            "fr": ["{n} commentaires", "{n} réponses"],
            "it": ["{n} commenti", "{n} risposte"],
            "pt": ["{n} comentários", "{n} respostas"],
            "pl": ["{n} komentarze", "{n} komentarzy", "{n} odpowiedzi"],
            "ru": ["{n} комментариев", "{n} комментария", "{n} ответов"],
            "uk": ["{n} коментарів", "{n} коментарі"],
            "ro": ["{n} comentarii", "{n} răspunsuri"],
            "nl": ["{n} reacties"],
            "ar": ["{n} تعليقات", "{n} تعليق"],
            "zh": ["{n} 条评论", "{n}条评论", "{n} 則留言", "{n}則留言", "{n} 則迴響"],
            "ja": ["{n}件のコメント", "{n} 件のコメント"],
            "ko": ["댓글 {n}개", "{n}개의 댓글", "댓글 {n}"],
            "id": ["{n} Komentar", "{n} Tanggapan"],
            "ms": ["{n} Komen", "{n} Ulasan"],
            "vi": ["{n} bình luận", "{n} phản hồi"],
            "th": ["{n} ความคิดเห็น", "{n} ความเห็น"],
            "he": ["{n} תגובות"],
            "fa": ["{n} دیدگاه", "{n} نظر"],
            "hi": ["{n} टिप्पणियाँ", "{n} टिप्पणियां"],
            "bn": ["{n} টি মন্তব্য", "{n}টি মন্তব্য"],
            "cs": ["{n} komentářů", "{n} komentáře"],
            "sk": ["{n} komentárov", "{n} komentáre"],
            "hu": ["{n} hozzászólás", "{n} komment"],
            "el": ["{n} σχόλια"],
            "bg": ["{n} коментара"],
            "sr": ["{n} коментара", "{n} komentara"],
            "hr": ["{n} komentara", "{n} komentar"],
            "sv": ["{n} kommentarer"],
            "da": ["{n} kommentarer"],
            "nb": ["{n} kommentarer"],
            "fi": ["{n} kommenttia"],
            "lt": ["{n} komentarai", "{n} komentarų"],
            "lv": ["{n} komentāri", "{n} komentāru"],
            "et": ["{n} kommentaari"],
            "sl": ["{n} komentarjev", "{n} komentarja", "{n} komentarji"],
            "az": ["{n} şərh"],
            "ka": ["{n} კომენტარი"],
        },
    ),
    dict(
        file="comment-forms.yaml", code="BP108", name="comment-thread-navigation", severity="warning",
        confidence=0.85,
        message='Comment-thread link or heading left from the page ({lang}): "{text}"',
        why="Under each comment the page prints \"Reply\", and around the thread \"Comments\", "
            "\"Older comments\" and \"Comment navigation\". Scraped with the article they become "
            "one- or two-word lines that belong to the discussion widget, not to the story.",
        match=["Reply", "Antworten", "Comment navigation", "Older comments", "Yanıtla"],
        no_match=["He did not reply to requests for comment.",
                  "Older comments from the minister were deleted from his account."],
        extra={
            "en": ["Log in to Reply", "Reply ↓", "Load more comments", "Show more comments",
                   "View all comments", "Show comments", "Hide comments", "Report comment"],
            "de": ["Weitere Kommentare laden", "Alle Kommentare anzeigen", "Kommentare anzeigen"],
            "es": ["Cargar más comentarios", "Ver todos los comentarios", "Ver comentarios"],
            "fr": ["Charger plus de commentaires", "Voir tous les commentaires",
                   "Afficher les commentaires"],
            "it": ["Carica altri commenti", "Mostra tutti i commenti", "Mostra commenti"],
            "pt": ["Carregar mais comentários", "Ver todos os comentários", "Ver comentários"],
            "tr": ["Daha fazla yorum yükle", "Tüm yorumları gör", "Yorumları göster"],
            "ru": ["Показать все комментарии", "Загрузить ещё комментарии", "Показать комментарии"],
            "pl": ["Pokaż wszystkie komentarze", "Załaduj więcej komentarzy", "Pokaż komentarze"],
            "nl": ["Meer reacties laden", "Bekijk alle reacties", "Toon reacties"],
        },
        # Nouns that also head the answers of printed interviews ("Antwort", "Réponse").
        drop={"de": ["Antwort"], "fr": ["Réponse"], "pt": ["Resposta"], "tr": ["Yanıt"],
              "hr": ["Odgovor"], "sr": ["Одговор"], "bg": ["Отговор"], "uk": ["Відповідь"],
              "hu": ["Válasz"], "ko": ["응답"], "hi": ["प्रतिक्रिया"], "fa": ["پاسخ"]},
    ),
    # ============================== related-links.yaml ==============================
    dict(
        file="related-links.yaml", code="BP201", name="related-posts-heading", severity="warning",
        confidence=0.85,
        message='Related-content heading left from the page ({lang}): "{text}"',
        why="Headings of related-post and recommendation boxes (\"Related Posts\", \"You Might Also "
            "Like\", \"Most read\") introduce links to other stories. Kept in the text they sit "
            "between paragraphs as if they were subheadings of the article, followed by the "
            "headlines of other articles.",
        match=["Related Posts", "İlgili Yazılar", "Ähnliche Beiträge", "Artículos relacionados",
               "相关文章", "You Might Also Like"],
        no_match=["Related posts in the ministry were left vacant for months.",
                  "The police said the two deaths were not related."],
        extra={
            "en": ["Related Articles", "Related News", "Related Stories", "Related Content",
                   "Related Coverage", "Related Topics", "Related Links", "Related Reading",
                   "More Stories", "More stories from {*}", "You may also like",
                   "You might also like", "Recommended for you", "Recommended Stories",
                   "Recommended Articles", "Read next", "Most read", "Most Popular", "Most Viewed",
                   "Most Shared", "Trending Now", "Top Stories", "More on this story",
                   "Further reading", "Editor's Picks", "Don't Miss"],
            "tr": ["İlgili Haberler", "İlgili Yazılar", "Benzer Haberler", "Bunlar da ilginizi çekebilir",
                   "En çok okunanlar", "Önerilen haberler", "Sıradaki haber", "Editörün seçtikleri"],
            "de": ["Ähnliche Artikel", "Verwandte Artikel", "Das könnte Sie auch interessieren",
                   "Das könnte dich auch interessieren", "Meistgelesen", "Meistgelesene Artikel",
                   "Empfohlene Artikel", "Weitere Artikel", "Top-Artikel"],
            "es": ["Artículos relacionados", "Noticias relacionadas", "Entradas relacionadas", "También te puede interesar",
                   "Lo más leído", "Lo más visto", "Te recomendamos", "Más noticias"],
            "fr": ["Articles similaires", "Articles liés", "Articles connexes", "Vous aimerez aussi",
                   "Vous aimerez aussi :", "Les plus lus", "Les plus populaires", "À la une",
                   "Dans la même rubrique"],
            "it": ["Articoli correlati", "Notizie correlate", "Articoli simili", "I più letti",
                   "I più visti", "Ti potrebbe interessare anche", "Altre notizie"],
            "pt": ["Artigos relacionados", "Notícias relacionadas", "Posts relacionados",
                   "Você também pode gostar", "Mais lidas", "Mais lidos", "Mais notícias"],
            "pl": ["Podobne wpisy", "Powiązane artykuły", "Podobne artykuły", "Najczęściej czytane",
                   "Najpopularniejsze", "Polecane artykuły"],
            "ru": ["Похожие записи", "Похожие статьи", "Материалы по теме", "Другие новости",
                   "Самое читаемое", "Самое популярное", "Вам также может понравиться",
                   "Новости по теме", "Рекомендуем"],
            "uk": ["Схожі записи", "Схожі статті", "Новини на тему", "Інші новини", "Найпопулярніше",
                   "Найчитаніше", "Рекомендуємо"],
            "ro": ["Articole similare", "Articole asemănătoare", "Știri similare", "Cele mai citite",
                   "Articole recomandate", "Alte știri"],
            "nl": ["Gerelateerde berichten", "Gerelateerde artikelen", "Meest gelezen",
                   "Dit vind je misschien ook leuk", "Meer nieuws", "Aanbevolen"],
            "ar": ["مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "الأكثر قراءة",
                   "قد يعجبك أيضا", "قد يعجبك أيضاً", "أخبار متعلقة"],
            "zh": ["相关文章", "相關文章", "热门文章", "熱門文章", "猜你喜欢", "猜你喜歡", "相关新闻",
                   "相關新聞", "热门推荐", "最新文章"],
            "ja": ["関連記事", "関連投稿", "おすすめ記事", "人気記事", "こちらの記事もおすすめ"],
            "ko": ["관련 기사", "관련기사", "관련 글", "인기 기사", "많이 본 뉴스", "추천 기사",
                   "많이 본 기사"],
            "id": ["Artikel Terkait", "Berita Terkait", "Terpopuler", "Pos Terkait", "Berita Lainnya",
                   "Rekomendasi"],
            "ms": ["Artikel Berkaitan", "Berita Berkaitan", "Paling Popular", "Kiriman Berkaitan",
                   "Berita Lain"],
            "vi": ["Bài viết liên quan", "Tin liên quan", "Tin tức liên quan", "Đọc nhiều nhất",
                   "Có thể bạn quan tâm", "Tin khác", "Bài viết cùng chủ đề"],
            "th": ["บทความที่เกี่ยวข้อง", "ข่าวที่เกี่ยวข้อง", "เรื่องที่เกี่ยวข้อง", "ข่าวยอดนิยม",
                   "บทความแนะนำ"],
            "he": ["כתבות קשורות", "פוסטים קשורים", "כתבות נוספות", "הנקראים ביותר", "עוד כתבות"],
            "fa": ["مطالب مرتبط", "اخبار مرتبط", "نوشته‌های مرتبط", "پربازدیدترین‌ها",
                   "مطالب پیشنهادی"],
            "hi": ["संबंधित लेख", "संबंधित खबरें", "सबसे ज्यादा पढ़ी गई", "सबसे ज़्यादा पढ़ी गईं",
                   "लोकप्रिय खबरें"],
            "bn": ["সম্পর্কিত খবর", "সম্পর্কিত পোস্ট", "সর্বাধিক পঠিত", "আরও খবর"],
            "cs": ["Související články", "Související příspěvky", "Nejčtenější", "Další články"],
            "sk": ["Súvisiace články", "Súvisiace príspevky", "Najčítanejšie", "Ďalšie články"],
            "hu": ["Kapcsolódó cikkek", "Kapcsolódó bejegyzések", "Legolvasottabb",
                   "Legolvasottabb cikkek", "További cikkek"],
            "el": ["Σχετικά άρθρα", "Σχετικές δημοσιεύσεις", "Τα πιο δημοφιλή", "Δημοφιλή άρθρα",
                   "Περισσότερα άρθρα"],
            "bg": ["Свързани публикации", "Свързани статии", "Най-четени", "Свързани новини",
                   "Още новини"],
            "sr": ["Повезани чланци", "Povezani članci", "Сличне вести", "Slične vesti",
                   "Најчитаније", "Najčitanije"],
            "hr": ["Povezani članci", "Povezane objave", "Najčitanije", "Vezane vijesti",
                   "Još vijesti"],
            "sv": ["Relaterade inlägg", "Relaterade artiklar", "Mest läst", "Mest lästa",
                   "Fler artiklar"],
            "da": ["Relaterede indlæg", "Relaterede artikler", "Mest læste", "Flere artikler"],
            "nb": ["Relaterte innlegg", "Relaterte artikler", "Mest lest", "Flere artikler"],
            "fi": ["Aiheeseen liittyvät", "Samankaltaiset artikkelit", "Luetuimmat",
                   "Luetuimmat uutiset", "Lisää aiheesta"],
            "lt": ["Susiję straipsniai", "Susiję įrašai", "Skaitomiausi", "Daugiau naujienų"],
            "lv": ["Saistītie raksti", "Saistītās ziņas", "Lasītākie", "Vairāk ziņu"],
            "et": ["Seotud artiklid", "Seotud postitused", "Loetumad", "Rohkem uudiseid"],
            "sl": ["Sorodni članki", "Sorodne objave", "Najbolj brano", "Več novic"],
            "az": ["Oxşar xəbərlər", "Əlaqəli yazılar", "Ən çox oxunanlar", "Digər xəbərlər"],
            "ka": ["მსგავსი სიახლეები", "დაკავშირებული სტატიები", "ყველაზე კითხვადი"],
        },
        drop={"de": ["Ähnlich"], "it": ["Informazioni laterali"], "ro": ["Legate de"],
              "bg": ["свързан"]},
    ),
    dict(
        file="related-links.yaml", code="BP202", name="read-more-link", severity="warning",
        confidence=0.85,
        message='Read-more link left from the page ({lang}): "{text}"',
        why="Teasers and excerpts end in a link such as \"Read more\" or \"Continue reading "
            "...\". On a whole line it is navigation: the text after it, if any, is another page. "
            "Inside a sentence the words are left alone.",
        match=["Read more", "Continue reading Floods hit the north →", "Devamını oku",
               "Weiterlesen", "Leer más", "Continuar leyendo"],
        no_match=["Children who read more do better at school, the study found.",
                  "She will continue reading the report on Monday."],
        extra={
            "en": ["Read the full story", "Read full story", "Read the full article",
                   "Read full article", "Continue reading the main story", "Click here to read more",
                   "Read more »", "Read More →", "Show more", "See more", "Full story"],
            "tr": ["Haberin devamı", "Haberin devamı için tıklayın", "Devamını okumak için tıklayın"],
            "de": ["Mehr lesen", "Zum Artikel", "Ganzen Artikel lesen", "Mehr anzeigen"],
            "es": ["Leer la noticia completa", "Seguir leyendo", "Ver más"],
            "fr": ["Lire l'article", "Lire la suite de l'article", "Voir plus"],
            "it": ["Leggi l'articolo completo", "Continua a leggere", "Mostra di più"],
            "pt": ["Leia a matéria completa", "Continue lendo", "Ver mais"],
            "pl": ["Czytaj dalej", "Zobacz więcej", "Pokaż więcej"],
            "ru": ["Читать далее", "Читать полностью", "Показать ещё"],
            "uk": ["Читати далі", "Читати повністю", "Показати більше"],
            "ro": ["Citește mai mult", "Citește tot articolul", "Vezi mai mult"],
            "nl": ["Lees verder", "Lees het hele artikel", "Toon meer"],
            "ar": ["اقرأ المزيد", "اقرأ القصة كاملة", "المزيد"],
            "zh": ["阅读全文", "閱讀全文", "查看更多", "点击查看全文"],
            "ja": ["続きを読む", "もっと見る"],
            "ko": ["더보기", "기사 전문 보기", "자세히 보기"],
            "id": ["Baca selengkapnya", "Selengkapnya", "Lihat selengkapnya"],
            "ms": ["Baca lagi", "Baca seterusnya"],
            "vi": ["Đọc tiếp", "Xem chi tiết"],
            "cs": ["Číst dále", "Celý článek"],
            "sk": ["Čítať ďalej", "Celý článok"],
            "hu": ["Tovább olvasom", "Bővebben"],
            "el": ["Διαβάστε περισσότερα", "Περισσότερα"],
            "sv": ["Läs mer", "Läs hela artikeln"],
            "da": ["Læs mere", "Læs hele artiklen"],
            "nb": ["Les mer", "Les hele saken"],
            "fi": ["Lue lisää", "Lue koko juttu"],
        },
        drop={"ru": ["Тег «Далее»"], "cs": ["Značka pro pokračování textu"],
              "fr": ["Lien Lire la suite"], "zh": ["词条详情 ›"], "vi": ["Chi tiết {*}"],
              "bg": ["повече на {*}"]},
    ),
    dict(
        file="related-links.yaml", code="BP203", name="see-also-line", severity="warning",
        confidence=0.95, scope="prefix", max_words=30,
        message='"See also" link line left from the page ({lang}): "{text}"',
        why="News sites insert lines such as \"READ MORE: ...\", \"See also ...\", \"Lesen Sie auch: "
            "...\" or \"Читайте также: ...\" between paragraphs, each followed by the headline of "
            "another article. Kept in the text, that headline reads as a sentence of this story "
            "and mixes two articles. The finding covers the whole line. Phrases that are ordinary "
            "words without their colon are written with `: {*}`, so that the colon is required.",
        match=["See also: Floods hit the north", "READ MORE: Minister resigns after vote",
               "Lesen Sie auch: Regierung plant neue Steuer",
               "Читайте также: Правительство одобрило бюджет",
               "Ayrıca okuyun: Meclis yeni yasayı kabul etti", "相关阅读：政府公布新预算",
               "Related: Inflation falls for third month"],
        no_match=["Readers will see also that the report ignores rural areas.",
                  "Read more widely, the author urged her students.",
                  "Related to this is the question of funding, the minister said."],
    ),
    # ============================== widgets.yaml ==============================
    dict(
        file="widgets.yaml", code="BP401", name="share-prompt", severity="warning", confidence=0.95,
        message='Share button or prompt left from the page ({lang}): "{text}"',
        why="Share bars print \"Share this:\", \"Share on Facebook\", \"Click to share on X (Opens "
            "in new window)\" and \"Tweet\" around the article. They are buttons, not text, and "
            "when an article is flattened they become lines that repeat on every page of a site.",
        match=["Share this:", "Click to share on Twitter (Opens in new window)", "Share on Facebook",
               "Bunu paylaş:", "Teilen mit:", "Tweet"],
        no_match=["Shares in the company rose 5% on Monday.",
                  "Share this with your family, the doctor told viewers."],
        extra={
            "en": ["Share this article", "Share this story", "Share this post", "Share this page",
                   "Share this", "Share article", "Share via Email", "Share by email", "Email this",
                   "Email this article", "Tweet", "Tweet this", "Copy link", "Link copied",
                   "Click to share on {*}", "Share this:", "Pin it"],
            "tr": ["Bu haberi paylaş", "Haberi paylaş", "Paylaş", "Paylaşın", "Bağlantıyı kopyala",
                   "Linki kopyala"],
            "de": ["Artikel teilen", "Diesen Artikel teilen", "Teilen Sie diesen Artikel",
                   "Per E-Mail teilen", "Link kopieren", "Twittern"],
            "es": ["Compartir este artículo", "Comparte este artículo", "Compartir",
                   "Copiar enlace", "Enviar por correo"],
            "fr": ["Partager cet article", "Partager", "Copier le lien", "Envoyer par e-mail"],
            "it": ["Condividi questo articolo", "Condividi", "Copia link", "Invia per email"],
            "pt": ["Compartilhe este artigo", "Compartilhar este artigo", "Partilhar este artigo",
                   "Compartilhe", "Partilhe", "Copiar link"],
            "pl": ["Udostępnij artykuł", "Udostępnij", "Podziel się", "Kopiuj link", "Skopiuj link"],
            "ru": ["Поделиться статьей", "Поделиться статьёй", "Поделиться", "Поделитесь",
                   "Скопировать ссылку", "Поделиться в соцсетях"],
            "uk": ["Поділитися", "Поділитися статтею", "Поділіться", "Скопіювати посилання"],
            "ro": ["Distribuie articolul", "Distribuie", "Copiază linkul"],
            "nl": ["Deel dit artikel", "Deel dit bericht", "Delen", "Kopieer link"],
            "ar": ["شارك المقال", "شارك الخبر", "شارك", "مشاركة", "نسخ الرابط"],
            "zh": ["分享到", "分享到微信", "分享到微博", "分享至", "分享本文", "分享", "复制链接",
                   "複製連結", "微信扫一扫"],
            "ja": ["この記事をシェアする", "シェアする", "シェア", "ツイート", "リンクをコピー"],
            "ko": ["공유하기", "기사 공유하기", "링크 복사", "카카오톡 공유"],
            "id": ["Bagikan artikel ini", "Bagikan", "Salin tautan"],
            "ms": ["Kongsi artikel ini", "Kongsi", "Salin pautan"],
            "vi": ["Chia sẻ bài viết", "Chia sẻ", "Sao chép liên kết"],
            "th": ["แชร์บทความนี้", "แชร์", "คัดลอกลิงก์"],
            "he": ["שתפו את הכתבה", "שתף", "שתפו", "העתק קישור"],
            "fa": ["اشتراک‌گذاری", "به اشتراک بگذارید", "کپی لینک"],
            "hi": ["शेयर करें", "इस खबर को शेयर करें", "लिंक कॉपी करें"],
            "bn": ["শেয়ার করুন", "লিংক কপি করুন"],
            "cs": ["Sdílet", "Sdílet článek", "Kopírovat odkaz"],
            "sk": ["Zdieľať", "Zdieľať článok", "Kopírovať odkaz"],
            "hu": ["Megosztás", "Oszd meg", "Link másolása", "Cikk megosztása"],
            "el": ["Κοινοποίηση", "Μοιραστείτε το άρθρο", "Αντιγραφή συνδέσμου"],
            "bg": ["Сподели", "Споделете", "Сподели статията", "Копирай линка"],
            "sr": ["Подели", "Podeli", "Поделите", "Podelite", "Копирај линк", "Kopiraj link"],
            "hr": ["Podijeli", "Podijelite", "Podijeli članak", "Kopiraj poveznicu"],
            "sv": ["Dela", "Dela artikeln", "Kopiera länk"],
            "da": ["Del artiklen", "Kopiér link"],
            "nb": ["Del artikkelen", "Kopier lenke"],
            "fi": ["Jaa", "Jaa artikkeli", "Kopioi linkki"],
            "lt": ["Dalintis", "Pasidalinkite", "Kopijuoti nuorodą"],
            "lv": ["Dalīties", "Kopēt saiti"],
            "et": ["Jaga", "Jaga artiklit", "Kopeeri link"],
            "sl": ["Deli članek", "Kopiraj povezavo"],
            "az": ["Paylaş", "Linki kopyala"],
            "ka": ["გაზიარება", "ბმულის კოპირება"],
        },
    ),
    dict(
        file="widgets.yaml", code="BP402", name="like-prompt", severity="warning", confidence=0.9,
        message='Like button or prompt left from the page ({lang}): "{text}"',
        why="The like box of blogging platforms prints \"Like this:\", \"Like Loading...\" and "
            "\"Be the first to like this.\" under the article. The bare word \"Like\" is not "
            "matched, since it is an ordinary word in many languages.",
        match=["Like this:", "Bunu beğen:", "Gefällt mir:", "Like Loading...",
               "Be the first to like this."],
        no_match=["Voters like this budget less than the last one.",
                  "I like this idea, she said."],
        extra={
            "en": ["Be the first to like this.", "{n} bloggers like this.", "One blogger likes this.",
                   "Like Loading…"],
            "de": ["Sei der Erste, dem dies gefällt.", "Sei die erste Person, der das gefällt."],
            "es": ["Sé el primero en decir que te gusta."],
            "fr": ["Soyez le premier à aimer cet article."],
            "it": ["Di' per primo che ti piace."],
            "pt": ["Seja o primeiro a curtir isso."],
        },
        drop={"fr": ["WordPress:"]},
    ),
    dict(
        file="widgets.yaml", code="BP403", name="print-button", severity="warning", confidence=0.85,
        message='Print button left from the page ({lang}): "{text}"',
        why="\"Print\" and \"Click to print\" are buttons of the page. As a line of an article "
            "they are chrome; \"print\" inside a sentence is left alone.",
        match=["Print", "Drucken", "Yazdır", "Imprimer", "Click to print (Opens in new window)"],
        no_match=["The newspaper will stop its print edition next year.",
                  "Officials refused to print the ballot papers."],
        extra={
            "en": ["Print this page", "Print this article", "Print article", "Print Friendly"],
            "de": ["Artikel drucken", "Seite drucken"],
            "es": ["Imprimir artículo", "Imprimir"],
            "fr": ["Imprimer l'article", "Imprimer cet article"],
            "it": ["Stampa articolo", "Stampa questo articolo"],
            "pt": ["Imprimir artigo"],
            "tr": ["Haberi yazdır", "Yazdır"],
            "ru": ["Версия для печати", "Распечатать"],
            "pl": ["Drukuj", "Wersja do druku"],
            "nl": ["Afdrukken", "Printen"],
        },
        drop={"bg": ["Към Google Maps"], "ru": ["С принтами"]},
    ),
    dict(
        file="widgets.yaml", code="BP404", name="newsletter-signup", severity="warning", confidence=0.95,
        message='Newsletter sign-up prompt left from the page ({lang}): "{text}"',
        why="Newsletter boxes (\"Subscribe to our newsletter\", \"Enter your email address to "
            "subscribe ...\") are forms of the site. They interrupt the article, repeat across "
            "pages and are never part of a story.",
        match=["Subscribe to our newsletter", "Newsletter abonnieren", "Abonnez-vous à notre newsletter",
               "Bültenimize abone olun", "Подпишитесь на нашу рассылку"],
        no_match=["More than 10,000 readers subscribe to our newsletter, the editor said.",
                  "The minister signed up for the newsletter in 2019."],
        extra={
            "en": ["Sign up for our newsletter", "Sign up to our newsletter",
                   "Subscribe to our mailing list", "Join our mailing list",
                   "Sign up for our free newsletter", "Get our newsletter",
                   "Subscribe to our free newsletter", "Sign up for the newsletter",
                   "Subscribe to Blog via Email",
                   "Enter your email address to subscribe to this blog and receive notifications of "
                   "new posts by email.", "Join {n} other subscribers", "Join {n} other followers",
                   "Enter your email address", "Your email address", "Email Address",
                   "Sign me up", "Thank you for subscribing"],
            "de": ["Melden Sie sich für unseren Newsletter an", "Abonnieren Sie unseren Newsletter",
                   "Zum Newsletter anmelden", "Jetzt zum Newsletter anmelden", "Newsletter bestellen",
                   "Ihre E-Mail-Adresse", "E-Mail-Adresse eingeben"],
            "es": ["Suscríbete a nuestro boletín", "Suscríbete a nuestra newsletter",
                   "Suscríbete al boletín", "Recibe nuestro boletín", "Tu correo electrónico"],
            "fr": ["Abonnez-vous à notre newsletter", "Inscrivez-vous à notre newsletter",
                   "Abonnez-vous à la newsletter",
                   "Recevez notre newsletter", "Inscrivez-vous à la newsletter", "Votre adresse e-mail"],
            "it": ["Iscriviti alla nostra newsletter", "Iscriviti alla newsletter",
                   "Ricevi la nostra newsletter", "Il tuo indirizzo email"],
            "pt": ["Assine nossa newsletter", "Inscreva-se na nossa newsletter",
                   "Subscreva a nossa newsletter", "Receba nossa newsletter", "Assine a newsletter",
                   "Seu e-mail"],
            "tr": ["Bültenimize abone olun", "E-bültene abone olun", "Bültene abone ol", "E-bültenimize kayıt olun",
                   "E-posta adresinizi girin"],
            "ru": ["Подпишитесь на нашу рассылку", "Подписаться на рассылку", "Подпишитесь на рассылку",
                   "Ваш e-mail",
                   "Подпишитесь на наш Telegram-канал"],
            "uk": ["Підпишіться на нашу розсилку", "Підписатися на розсилку"],
            "pl": ["Zapisz się do newslettera", "Zapisz się na newsletter", "Zapisz się do naszego newslettera"],
            "ro": ["Abonează-te la newsletter", "Aboneaza-te la newsletter", "Abonează-te la newsletterul nostru"],
            "nl": ["Schrijf je in voor onze nieuwsbrief", "Abonneer je op onze nieuwsbrief",
                   "Aanmelden voor de nieuwsbrief", "Meld je aan voor onze nieuwsbrief"],
            "ar": ["اشترك في نشرتنا الإخبارية", "اشترك في النشرة البريدية", "اشترك في النشرة الإخبارية"],
            "zh": ["订阅我们的新闻通讯", "订阅电子报", "訂閱電子報", "订阅我们的邮件"],
            "ja": ["ニュースレターを購読する", "ニュースレター登録", "メールマガジン登録"],
            "ko": ["뉴스레터 구독", "뉴스레터 구독하기", "뉴스레터 신청"],
            "id": ["Berlangganan buletin kami", "Berlangganan newsletter", "Daftar newsletter"],
            "ms": ["Langgan surat berita kami", "Langgan buletin kami"],
            "vi": ["Đăng ký nhận bản tin", "Đăng ký nhận tin"],
            "th": ["สมัครรับจดหมายข่าว", "สมัครรับข่าวสาร"],
            "he": ["הירשמו לניוזלטר", "הרשמה לניוזלטר"],
            "fa": ["عضویت در خبرنامه", "اشتراک در خبرنامه"],
            "hi": ["हमारे न्यूज़लेटर की सदस्यता लें", "न्यूज़लेटर के लिए साइन अप करें"],
            "bn": ["নিউজলেটার সাবস্ক্রাইব করুন"],
            "cs": ["Přihlaste se k odběru newsletteru", "Odebírat newsletter"],
            "sk": ["Prihláste sa na odber newslettra", "Odoberať newsletter"],
            "hu": ["Iratkozzon fel hírlevelünkre", "Feliratkozás hírlevélre", "Hírlevél feliratkozás"],
            "el": ["Εγγραφείτε στο newsletter μας", "Εγγραφή στο newsletter"],
            "bg": ["Абонирайте се за нашия бюлетин", "Абонирайте се за бюлетина"],
            "sr": ["Пријавите се на наш билтен", "Prijavite se na naš bilten"],
            "hr": ["Pretplatite se na naš newsletter", "Prijavite se na newsletter"],
            "sv": ["Prenumerera på vårt nyhetsbrev", "Anmäl dig till vårt nyhetsbrev"],
            "da": ["Tilmeld dig vores nyhedsbrev", "Abonner på vores nyhedsbrev"],
            "nb": ["Abonner på vårt nyhetsbrev", "Meld deg på vårt nyhetsbrev"],
            "fi": ["Tilaa uutiskirjeemme", "Tilaa uutiskirje"],
            "lt": ["Prenumeruokite mūsų naujienlaiškį", "Prenumeruoti naujienlaiškį"],
            "lv": ["Piesakies mūsu jaunumiem", "Abonēt jaunumus"],
            "et": ["Telli meie uudiskiri", "Liitu uudiskirjaga", "Telli uudiskiri"],
            "sl": ["Naročite se na naše novice", "Prijavite se na e-novice"],
            "az": ["Bülletenimizə abunə olun"],
            "ka": ["გამოიწერეთ ჩვენი სიახლეები"],
        },
        drop={"fr": ["Sabonner à notre newsletter"]},
    ),
    dict(
        file="widgets.yaml", code="BP405", name="follow-subscribe-button", severity="warning",
        confidence=0.85,
        message='Follow or subscribe button left from the page ({lang}): "{text}"',
        why="\"Follow\", \"Follow us\" and \"Subscribe\" buttons of social and newsletter widgets "
            "end up as one-word lines of the scraped text. As whole lines they are buttons; in "
            "a sentence the words are left alone.",
        match=["Follow Us", "Subscribe", "Abonnieren", "Takip et", "Suivez-nous"],
        no_match=["Follow us to the border, the smugglers told them, according to the court.",
                  "Readers who subscribe get early access to the report."],
        extra={
            "en": ["Follow us on {*}", "Follow us on social media", "Subscribe now", "Sign up",
                   "Newsletter", "Subscribe to {*} on YouTube", "Follow {*} on Twitter",
                   "Connect with us", "Stay connected"],
            "tr": ["Bizi takip edin", "Bizi takip edin:", "Abone ol", "Abone olun", "Bülten",
                   "Bizi sosyal medyada takip edin"],
            "de": ["Folge uns", "Folgen Sie uns", "Folgen Sie uns auf {*}", "Jetzt abonnieren",
                   "Newsletter"],
            "es": ["Síguenos", "Síguenos en {*}", "Suscríbete", "Suscríbete ahora", "Suscribirse"],
            "fr": ["Suivez-nous", "Suivez-nous sur {*}", "Abonnez-vous", "S'abonner", "Newsletter"],
            "it": ["Seguici", "Seguici su {*}", "Iscriviti", "Abbonati"],
            "pt": ["Siga-nos", "Siga-nos no {*}", "Assine", "Inscreva-se", "Subscrever"],
            "pl": ["Obserwuj nas", "Subskrybuj", "Zapisz się"],
            "ru": ["Подписывайтесь на нас", "Мы в соцсетях", "Подписаться", "Подпишитесь"],
            "uk": ["Слідкуйте за нами", "Підписатися", "Ми в соцмережах"],
            "ro": ["Urmărește-ne", "Urmăriți-ne", "Abonează-te"],
            "nl": ["Volg ons", "Volg ons op {*}", "Abonneren", "Inschrijven", "Nieuwsbrief"],
            "ar": ["تابعنا", "تابعونا", "تابعنا على {*}", "اشترك", "اشترك الآن"],
            "zh": ["关注我们", "關注我們", "订阅", "訂閱"],
            "ja": ["フォローする", "購読する", "フォローしてね"],
            "ko": ["구독하기", "팔로우"],
            "id": ["Ikuti kami", "Berlangganan"],
            "ms": ["Ikuti kami", "Langgan"],
            "vi": ["Theo dõi chúng tôi", "Đăng ký"],
            "th": ["ติดตามเรา"],
            "he": ["עקבו אחרינו", "הירשמו"],
            "fa": ["ما را دنبال کنید"],
            "hi": ["हमें फॉलो करें", "सब्सक्राइब करें"],
            "bn": ["আমাদের ফলো করুন", "সাবস্ক্রাইব করুন"],
            "cs": ["Sledujte nás", "Odebírat", "Přihlásit k odběru"],
            "sk": ["Sledujte nás", "Odoberať"],
            "hu": ["Kövess minket", "Kövessen minket", "Feliratkozás"],
            "el": ["Ακολουθήστε μας", "Εγγραφή"],
            "bg": ["Последвайте ни", "Абонирайте се", "Абонирай се"],
            "sr": ["Пратите нас", "Pratite nas", "Претплатите се", "Pretplatite se"],
            "hr": ["Pratite nas", "Pretplatite se", "Pretplati se"],
            "sv": ["Följ oss", "Prenumerera", "Nyhetsbrev"],
            "da": ["Følg os", "Abonner", "Nyhedsbrev"],
            "nb": ["Følg oss", "Abonner", "Nyhetsbrev"],
            "fi": ["Seuraa meitä", "Tilaa", "Uutiskirje"],
            "lt": ["Sekite mus", "Prenumeruoti"],
            "lv": ["Seko mums", "Abonēt"],
            "et": ["Jälgi meid", "Telli"],
            "sl": ["Sledite nam", "Naroči se", "Naročite se"],
            "az": ["Bizi izləyin", "Abunə ol", "Abunə olun"],
            "ka": ["გამოგვყევით", "გამოწერა"],
        },
        drop={"zh": ["d你个月", "前往 (FOLLOW)"]},
    ),
    dict(
        file="widgets.yaml", code="BP406", name="cookie-notice", severity="warning", confidence=0.97,
        message='Cookie or consent banner text left from the page ({lang}): "{text}"',
        why="Cookie and consent banners (\"Privacy & Cookies: This site uses cookies ...\", "
            "\"Cookie Policy\", \"Accept all cookies\") are overlaid on every page of a site. "
            "Text extraction often keeps them, at the top or the bottom of the article, where they "
            "are the most repeated text of a crawl.",
        match=["Privacy & Cookies: This site uses cookies. By continuing to use this website, you "
               "agree to their use. To find out more, including how to control cookies, see here: "
               "Cookie Policy", "Cookie Policy", "Çerez Politikası", "Alle Cookies akzeptieren",
               "Accept all cookies"],
        no_match=["The regulator said its cookie policy review would end in May.",
                  "Shoppers who accept cookies are tracked across sites, the report found."],
        extra={
            "en": ["Cookie Settings", "Cookie Preferences", "Accept Cookies", "Accept all cookies",
                   "Accept All", "Reject All", "Allow cookies", "Allow all cookies", "Manage cookies",
                   "Manage Cookie Consent", "Manage consent", "Cookie Notice", "Necessary cookies only",
                   "Only necessary cookies", "Accept & Close", "Accept and close", "Privacy & Cookies",
                   "Privacy and Cookie Policy", "Do Not Sell My Personal Information", "Privacy Settings",
                   "Privacy Preferences", "Manage Privacy Settings"],
            "de": ["Cookie-Einstellungen", "Cookies akzeptieren", "Alle Cookies akzeptieren",
                   "Alle akzeptieren", "Alle ablehnen", "Nur notwendige Cookies", "Cookie-Hinweis",
                   "Akzeptieren und schließen", "Cookie-Richtlinie (EU)", "Datenschutzeinstellungen"],
            "es": ["Política de cookies", "Configuración de cookies", "Aceptar cookies",
                   "Aceptar todas las cookies", "Aceptar todo", "Rechazar todo", "Aceptar y cerrar",
                   "Configurar cookies", "Gestionar el consentimiento de las cookies"],
            "fr": ["Politique de cookies", "Politique relative aux cookies", "Paramètres des cookies",
                   "Accepter les cookies", "Accepter tous les cookies", "Tout accepter", "Tout refuser",
                   "Gérer les cookies", "Accepter et fermer", "Gestion des cookies",
                   "Gérer le consentement aux cookies"],
            "it": ["Politica dei cookie", "Impostazioni dei cookie", "Accetta i cookie",
                   "Accetta tutti i cookie", "Accetta tutto", "Rifiuta tutto", "Gestisci i cookie",
                   "Accetta e chiudi", "Gestisci consenso cookie"],
            "pt": ["Política de cookies", "Configurações de cookies", "Definições de cookies",
                   "Aceitar cookies", "Aceitar todos os cookies", "Aceitar todos", "Rejeitar todos",
                   "Gerir cookies", "Gerenciar cookies", "Gerenciar consentimento de cookies"],
            "tr": ["Çerez Politikası", "Çerez ayarları", "Çerezleri kabul et",
                   "Tüm çerezleri kabul et", "Tümünü kabul et", "Tümünü reddet", "Çerez Tercihleri",
                   "Kabul et ve kapat", "Çerez Aydınlatma Metni"],
            "ru": ["Политика использования файлов cookie", "Политика cookie", "Настройки cookie",
                   "Принять cookie", "Принять все", "Принять все файлы cookie", "Отклонить все"],
            "uk": ["Політика використання файлів cookie", "Налаштування cookie", "Прийняти всі",
                   "Прийняти cookie"],
            "pl": ["Polityka cookies", "Polityka plików cookie", "Ustawienia cookies",
                   "Ustawienia plików cookie", "Akceptuj wszystkie", "Zaakceptuj wszystkie",
                   "Odrzuć wszystkie", "Akceptuję pliki cookie"],
            "ro": ["Politica de cookie-uri", "Politica cookies", "Setări cookie",
                   "Acceptă cookie-urile", "Acceptă toate", "Accept toate", "Respinge toate"],
            "nl": ["Cookiebeleid", "Cookie-instellingen", "Cookies accepteren",
                   "Alle cookies accepteren", "Alles accepteren", "Alles weigeren",
                   "Accepteren en sluiten"],
            "ar": ["سياسة ملفات تعريف الارتباط", "سياسة الكوكيز", "قبول ملفات تعريف الارتباط",
                   "قبول الكل", "رفض الكل", "إعدادات ملفات تعريف الارتباط"],
            "zh": ["Cookie政策", "Cookie 政策", "Cookie设置", "Cookie 设置", "接受所有Cookie",
                   "接受全部", "全部接受", "拒绝全部", "隐私与Cookie政策",
                   "本网站使用Cookie{*}", "本网站使用 Cookie {*}", "我们使用Cookie{*}",
                   "我们使用 Cookie {*}", "本網站使用Cookie{*}", "本網站使用 Cookie {*}",
                   "我們使用Cookie{*}", "本站使用Cookie{*}"],
            "ja": ["Cookieポリシー", "クッキーポリシー", "Cookie設定", "すべてのCookieを受け入れる",
                   "すべて受け入れる", "当サイトではCookieを使用しています",
                   "当サイトではCookieを使用しています{*}", "当サイトではクッキーを使用しています",
                   "当サイトではクッキーを使用しています{*}"],
            "ko": ["쿠키 정책", "쿠키 설정", "모든 쿠키 허용", "모두 허용", "모두 거부"],
            "id": ["Kebijakan Cookie", "Pengaturan Cookie", "Terima semua", "Terima Cookie",
                   "Tolak semua"],
            "ms": ["Dasar Kuki", "Tetapan Kuki", "Terima semua", "Terima Kuki"],
            "vi": ["Chính sách cookie", "Cài đặt cookie", "Chấp nhận tất cả", "Chấp nhận cookie",
                   "Từ chối tất cả"],
            "th": ["นโยบายคุกกี้", "การตั้งค่าคุกกี้", "ยอมรับทั้งหมด", "ยอมรับคุกกี้",
                   "เว็บไซต์นี้ใช้คุกกี้", "เว็บไซต์นี้ใช้คุกกี้{*}"],
            "he": ["מדיניות עוגיות", "מדיניות קובצי Cookie", "הגדרות עוגיות", "קבל הכל",
                   "אישור עוגיות"],
            "fa": ["سیاست کوکی‌ها", "تنظیمات کوکی", "پذیرش همه", "پذیرش کوکی‌ها"],
            "hi": ["कुकी नीति", "कुकी सेटिंग्स", "सभी स्वीकार करें", "कुकीज़ स्वीकार करें"],
            "bn": ["কুকি নীতি", "কুকি সেটিংস", "সব গ্রহণ করুন"],
            "cs": ["Zásady používání souborů cookie", "Nastavení cookies", "Nastavení souborů cookie",
                   "Přijmout vše", "Odmítnout vše", "Povolit vše", "Přijmout cookies"],
            "sk": ["Zásady používania súborov cookie", "Nastavenia cookies", "Prijať všetko",
                   "Odmietnuť všetko", "Prijať cookies"],
            "hu": ["Süti szabályzat", "Cookie szabályzat", "Süti beállítások", "Összes elfogadása",
                   "Mindet elfogadom", "Sütik elfogadása"],
            "el": ["Πολιτική cookies", "Ρυθμίσεις cookies", "Αποδοχή όλων", "Αποδοχή cookies",
                   "Απόρριψη όλων"],
            "bg": ["Политика за бисквитките", "Настройки на бисквитките", "Приемам всички",
                   "Приеми всички", "Приемам бисквитките"],
            "sr": ["Политика колачића", "Politika kolačića", "Подешавања колачића",
                   "Podešavanja kolačića", "Прихвати све", "Prihvati sve"],
            "hr": ["Politika kolačića", "Pravila o kolačićima", "Postavke kolačića", "Prihvati sve",
                   "Prihvaćam kolačiće", "Odbij sve"],
            "sv": ["Cookiepolicy", "Cookie-inställningar", "Cookieinställningar", "Acceptera alla",
                   "Acceptera cookies", "Godkänn alla cookies", "Avvisa alla"],
            "da": ["Cookiepolitik", "Cookie-indstillinger", "Accepter alle", "Accepter cookies",
                   "Afvis alle", "Tillad alle"],
            "nb": ["Retningslinjer for informasjonskapsler", "Godta alle",
                   "Godta informasjonskapsler", "Avvis alle"],
            "fi": ["Evästekäytäntö", "Evästeasetukset", "Hyväksy kaikki", "Hyväksy evästeet",
                   "Hylkää kaikki"],
            "lt": ["Slapukų politika", "Slapukų nustatymai", "Sutinku su visais", "Priimti visus",
                   "Priimti slapukus"],
            "lv": ["Sīkdatņu politika", "Sīkdatņu iestatījumi", "Pieņemt visas",
                   "Piekrītu sīkdatnēm"],
            "et": ["Küpsiste kasutamise põhimõtted", "Küpsiste seaded", "Nõustu kõigiga",
                   "Luba kõik", "Nõustun küpsistega"],
            "sl": ["Politika piškotkov", "Nastavitve piškotkov", "Sprejmi vse", "Sprejmem piškotke",
                   "Zavrni vse"],
            "az": ["Kuki siyasəti", "Kuki parametrləri", "Hamısını qəbul et"],
            "ka": ["ქუქი-ფაილების პოლიტიკა", "ყველას მიღება", "ქუქი-ფაილების პარამეტრები"],
        },
    ),
    dict(
        file="widgets.yaml", code="BP407", name="cookie-banner-sentence", severity="warning",
        confidence=0.95, scope="prefix", max_words=80,
        message='Cookie banner left from the page ({lang}): "{text}"',
        why="Cookie banners are long sentences that begin the same way on every site: \"This "
            "website uses cookies ...\", \"Wir verwenden Cookies ...\", \"Ce site utilise des "
            "cookies ...\". A line that starts so is the banner, however it goes on; the finding "
            "covers the whole line.",
        match=["This website uses cookies to improve your experience. We'll assume you're ok with "
               "this, but you can opt-out if you wish.",
               "Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du der "
               "Verwendung von Cookies zu.",
               "Ce site utilise des cookies pour améliorer votre expérience.",
               "Bu web sitesi çerez kullanmaktadır.",
               "Privacy & Cookies: This site uses cookies. By continuing to use this website, you "
               "agree to their use."],
        no_match=["The regulator found that this website uses cookies without consent.",
                  "Critics say that we use cookies too freely, he wrote."],
    ),
    dict(
        file="widgets.yaml", code="BP408", name="skip-link", severity="warning", confidence=0.99,
        message='Skip link left from the page ({lang}): "{text}"',
        why="\"Skip to content\" is an accessibility link at the very top of a page, hidden from "
            "sighted readers. Text extractors keep it as the first line, before the headline, so "
            "it can even be taken for the title.",
        match=["Skip to content", "İçeriğe geç", "Zum Inhalt springen", "Aller au contenu",
               "Skip to main content"],
        no_match=["Viewers can skip to content they prefer, the broadcaster said.",
                  "The app lets users skip to the content of each chapter."],
        extra={
            "en": ["Skip to main content", "Skip to navigation", "Skip to footer",
                   "Skip to primary navigation", "Skip to main menu", "Jump to navigation",
                   "Skip to sidebar", "Skip navigation", "Skip to search", "Jump to content"],
            "de": ["Zum Hauptinhalt springen", "Zur Navigation springen", "Direkt zum Inhalt"],
            "es": ["Saltar al contenido principal", "Ir al contenido principal"],
            "fr": ["Passer au contenu", "Aller au menu", "Aller à la navigation"],
            "it": ["Vai al contenuto principale", "Salta al contenuto principale"],
            "pt": ["Saltar para o conteúdo", "Ir para o conteúdo", "Pular para o conteúdo principal"],
            "tr": ["Ana içeriğe geç", "İçeriğe atla"],
            "ru": ["Перейти к основному содержанию", "Перейти к содержанию"],
            "pl": ["Przejdź do głównej treści", "Przejdź do zawartości"],
            "nl": ["Direct naar de inhoud", "Ga naar hoofdinhoud", "Naar hoofdinhoud"],
        },
    ),
    dict(
        file="widgets.yaml", code="BP409", name="navigation-menu", severity="warning", confidence=0.8,
        message='Site navigation item left from the page ({lang}): "{text}"',
        why="Menu items (\"Home\", \"Menu\", \"Contact Us\", \"Back to top\") are the site's "
            "navigation. A line consisting of nothing else is chrome. These are short words, so "
            "the rule only warns: a real heading of exactly such a word is rare but possible.",
        match=["Home", "Menu", "Ana Sayfa", "Startseite", "Contact Us", "Back to top"],
        no_match=["The home secretary said the menu of options was still open.",
                  "Contact us, police urged anyone who saw the crash."],
        extra={
            "en": ["Contact", "Contact Us", "About Us", "Back to top", "Back To Top", "Main Menu",
                   "Main navigation", "Toggle navigation", "Open menu", "Close menu", "Go to top",
                   "Scroll to top", "Open Menu", "Navigation", "Homepage"],
            "de": ["Kontakt", "Über uns", "Nach oben", "Zurück nach oben", "Hauptmenü", "Startseite",
                   "Menü öffnen", "Menü schließen", "Navigation"],
            "es": ["Contacto", "Contáctanos", "Quiénes somos", "Sobre nosotros", "Volver arriba",
                   "Inicio", "Menú principal", "Abrir menú", "Cerrar menú"],
            "fr": ["Contactez-nous", "Nous contacter", "À propos", "Qui sommes-nous",
                   "Retour en haut", "Accueil", "Menu principal", "Ouvrir le menu", "Fermer le menu"],
            "it": ["Contatti", "Contattaci", "Chi siamo", "Torna su", "Torna all'inizio",
                   "Menu principale", "Apri menu", "Chiudi menu"],
            "pt": ["Contato", "Contacto", "Fale conosco", "Contacte-nos", "Quem somos", "Sobre nós",
                   "Voltar ao topo", "Início", "Página inicial", "Menu principal"],
            "tr": ["İletişim", "Bize ulaşın", "Hakkımızda", "Künye", "Başa dön", "Yukarı çık",
                   "Ana sayfa", "Ana menü", "Menüyü aç", "Menüyü kapat"],
            "ru": ["Контакты", "Связаться с нами", "О нас", "О проекте", "Наверх", "Главная",
                   "Главное меню", "Открыть меню", "Закрыть меню"],
            "uk": ["Контакти", "Зв'язатися з нами", "Про нас", "Вгору", "Головна", "Головне меню"],
            "pl": ["Kontakt", "Skontaktuj się z nami", "O nas", "Do góry", "Strona główna",
                   "Menu główne"],
            "ro": ["Contactează-ne", "Despre noi", "Acasă", "Meniu principal", "Înapoi sus"],
            "nl": ["Neem contact op", "Over ons", "Terug naar boven", "Naar boven", "Hoofdmenu"],
            "ar": ["اتصل بنا", "من نحن", "الرئيسية", "القائمة الرئيسية", "العودة إلى الأعلى"],
            "zh": ["联系我们", "聯絡我們", "关于我们", "關於我們", "返回顶部", "回到頂部", "首页",
                   "首頁", "主菜单"],
            "ja": ["お問い合わせ", "ページトップへ", "トップへ戻る", "ホーム", "メインメニュー"],
            "ko": ["문의하기", "회사소개", "맨 위로", "홈", "메인 메뉴"],
            "id": ["Hubungi Kami", "Tentang Kami", "Kembali ke atas", "Beranda", "Menu Utama"],
            "ms": ["Hubungi Kami", "Tentang Kami", "Kembali ke atas", "Laman Utama"],
            "vi": ["Liên hệ", "Giới thiệu", "Về đầu trang", "Trang chủ", "Menu chính"],
            "th": ["ติดต่อเรา", "เกี่ยวกับเรา", "กลับไปด้านบน", "หน้าแรก", "เมนูหลัก"],
            "he": ["צור קשר", "אודות", "חזרה למעלה", "דף הבית", "תפריט ראשי"],
            "fa": ["تماس با ما", "درباره ما", "بازگشت به بالا", "صفحه اصلی", "منوی اصلی"],
            "hi": ["संपर्क करें", "हमारे बारे में", "ऊपर जाएं", "होम", "मुख्य मेनू"],
            "bn": ["যোগাযোগ", "আমাদের সম্পর্কে", "প্রচ্ছদ", "মূল মেনু"],
            "cs": ["Kontakt", "Kontaktujte nás", "O nás", "Nahoru", "Hlavní menu", "Domů"],
            "sk": ["Kontakt", "Kontaktujte nás", "O nás", "Hore", "Hlavné menu", "Domov"],
            "hu": ["Kapcsolat", "Rólunk", "Vissza a tetejére", "Főoldal", "Főmenü"],
            "el": ["Επικοινωνία", "Σχετικά με εμάς", "Επιστροφή στην κορυφή", "Αρχική",
                   "Κεντρικό μενού"],
            "bg": ["Контакти", "За нас", "Начало", "Нагоре", "Главно меню"],
            "sr": ["Контакт", "Kontakt", "О нама", "O nama", "Почетна", "Početna", "Главни мени",
                   "Glavni meni"],
            "hr": ["Kontakt", "Kontaktirajte nas", "O nama", "Povratak na vrh", "Naslovnica",
                   "Početna", "Glavni izbornik"],
            "sv": ["Kontakta oss", "Om oss", "Till toppen", "Startsida", "Huvudmeny"],
            "da": ["Kontakt os", "Om os", "Til toppen", "Forside", "Hovedmenu"],
            "nb": ["Kontakt oss", "Om oss", "Til toppen", "Forside", "Hovedmeny"],
            "fi": ["Ota yhteyttä", "Yhteystiedot", "Tietoa meistä", "Takaisin ylös", "Etusivu",
                   "Päävalikko"],
            "lt": ["Kontaktai", "Susisiekite su mumis", "Apie mus", "Į viršų", "Pradžia",
                   "Pagrindinis meniu"],
            "lv": ["Kontakti", "Sazinies ar mums", "Par mums", "Uz augšu", "Sākums",
                   "Galvenā izvēlne"],
            "et": ["Kontakt", "Võta meiega ühendust", "Meist", "Tagasi üles", "Avaleht", "Peamenüü"],
            "sl": ["Kontakt", "Kontaktirajte nas", "O nas", "Na vrh", "Domov", "Glavni meni"],
            "az": ["Əlaqə", "Bizimlə əlaqə", "Haqqımızda", "Ana səhifə", "Əsas menyu"],
            "ka": ["კონტაქტი", "დაგვიკავშირდით", "ჩვენ შესახებ", "მთავარი", "მთავარი მენიუ"],
        },
        drop={"ms": ["Rumah", "Utama"], "hi": ["घर"]},
    ),
    dict(
        file="widgets.yaml", code="BP410", name="post-navigation", severity="warning", confidence=0.9,
        message='Post navigation link left from the page ({lang}): "{text}"',
        why="Blog templates end a post with \"Post navigation\", \"Previous Post\" and \"Next "
            "Post\", each followed by the title of another article. They are links between pages "
            "and say nothing about the article itself.",
        match=["Post navigation", "Previous Post", "Next Post", "Yazı dolaşımı", "Beitragsnavigation"],
        no_match=["The next post office to close will be in Leeds.",
                  "His previous post was at the Treasury."],
        extra={
            "en": ["Previous article", "Next article", "Previous Story", "Next Story",
                   "Previous Entry", "Next Entry", "« Previous", "Next »"],
            "de": ["Vorheriger Artikel", "Nächster Artikel"],
            "es": ["Artículo anterior", "Artículo siguiente", "Siguiente artículo"],
            "fr": ["Article précédent", "Article suivant"],
            "it": ["Articolo precedente", "Articolo successivo"],
            "pt": ["Artigo anterior", "Próximo artigo"],
            "tr": ["Önceki haber", "Sonraki haber", "Önceki yazı", "Sonraki yazı"],
            "ru": ["Предыдущая статья", "Следующая статья"],
            "pl": ["Poprzedni artykuł", "Następny artykuł"],
            "nl": ["Vorig artikel", "Volgend artikel"],
        },
    ),
    dict(
        file="widgets.yaml", code="BP411", name="sidebar-widget-heading", severity="warning",
        confidence=0.85,
        message='Sidebar widget heading left from the page ({lang}): "{text}"',
        why="Sidebars print widget headings (\"Recent Posts\", \"Recent Comments\", \"Archives\", "
            "\"Categories\", \"Tags\") followed by lists of links. When a page is flattened they "
            "land between the article's paragraphs or after its last one.",
        match=["Recent Posts", "Archives", "Categories", "Son Yazılar", "Kategorien", "Tags:"],
        no_match=["Recent posts on social media have angered voters.",
                  "The national archives will open the files next year."],
        extra={
            "en": ["Latest Posts", "Blogroll", "Trending Posts", "Recent Articles"],
        },
        drop={"hu": ["Letöltés címke"], "el": ["Ιστορικό"], "et": ["Kodeeritud:"],
              "zh": ["壓縮檔案"]},
    ),
    dict(
        file="widgets.yaml", code="BP412", name="search-form", severity="warning", confidence=0.85,
        message='Search box text left from the page ({lang}): "{text}"',
        why="The search widget prints \"Search for:\", \"Search …\" and, on result pages, "
            "\"Search Results for: ...\". It is a form of the site; as a line of text it is chrome.",
        match=["Search for:", "Search …", "Suche nach:", "Search Results for: floods", "Ara"],
        no_match=["The search for survivors continued overnight.",
                  "Police search for the missing teenager, who was last seen on Friday."],
        extra={
            "en": ["Search this site", "Type and press Enter to search", "Press Enter to search",
                   "Search the site", "Type to search", "Search …", "Enter search term"],
        },
        drop={"tr": ["Aranacak içerik"], "pt": ["Termo"], "el": ["Αποτελέσματα για {*}"]},
    ),
    dict(
        file="widgets.yaml", code="BP413", name="site-footer-credit", severity="warning",
        confidence=0.9,
        message='Site footer credit left from the page ({lang}): "{text}"',
        why="Footers credit the software and the theme (\"Proudly powered by WordPress\", \"Theme: "
            "... by ...\"). The line belongs to the site, not to the article; copyright lines are "
            "left to the copyright rule.",
        match=["Proudly powered by WordPress", "WordPress gururla sunar", "Stolz präsentiert von WordPress",
               "Blog at WordPress.com."],
        no_match=["The plant is proudly powered by wind and solar energy, its owners said.",
                  "Powered by cheap gas, the economy grew quickly."],
        extra={
            "en": ["Powered by WordPress", "Blog at WordPress.com", "Website Powered by WordPress.com",
                   "Create a free website or blog at WordPress.com", "Theme: {*} by {*}",
                   "WordPress Theme by {*}", "Proudly powered by {*}"],
        },
        # WordPress prints "Proudly powered by %s" with %s = WordPress. Translations such as
        # "Desarrollado por %s" or "Ondersteund door %s" would match real captions with {*}.
        fill="WordPress",
        drop={"he": ["פועל על"]},
    ),
    dict(
        file="widgets.yaml", code="BP414", name="legal-links", severity="warning", confidence=0.85,
        message='Legal or policy link left from the page ({lang}): "{text}"',
        why="Footer links to the privacy policy, terms of use and legal notice are the same on "
            "every page of a site. As lines of an article they are chrome.",
        match=["Privacy Policy", "Gizlilik Politikası", "Datenschutzerklärung", "Terms of Use",
               "Mentions légales"],
        no_match=["The new privacy policy angered users, who called it intrusive.",
                  "The terms of use were changed without notice, regulators said."],
        extra={
            "en": ["Terms of Use", "Terms of Service", "Terms and Conditions", "Terms & Conditions",
                   "Privacy Notice", "Privacy Statement", "Legal Notice", "Imprint", "Sitemap",
                   "Accessibility Statement", "Privacy Policy | Terms of Use", "Cookie Policy"],
            "de": ["Nutzungsbedingungen", "Impressum", "AGB", "Datenschutzerklärung",
                   "Datenschutzhinweise"],
            "es": ["Términos de uso", "Términos y condiciones", "Aviso legal",
                   "Política de privacidad", "Mapa del sitio"],
            "fr": ["Conditions d'utilisation", "Conditions générales d'utilisation", "Mentions légales",
                   "Politique de confidentialité", "Plan du site", "CGU"],
            "it": ["Termini di utilizzo", "Termini e condizioni", "Note legali",
                   "Informativa sulla privacy", "Mappa del sito"],
            "pt": ["Termos de uso", "Termos de utilização", "Termos e condições",
                   "Política de privacidade", "Aviso legal", "Mapa do site"],
            "tr": ["Kullanım koşulları", "Gizlilik politikası", "KVKK", "Yasal uyarı",
                   "Kişisel Verilerin Korunması", "Site haritası"],
            "ru": ["Пользовательское соглашение", "Условия использования",
                   "Политика конфиденциальности", "Карта сайта"],
            "uk": ["Умови використання", "Політика конфіденційності", "Карта сайту"],
            "pl": ["Regulamin", "Polityka prywatności", "Warunki korzystania", "Mapa strony"],
            "ro": ["Termeni și condiții", "Politica de confidențialitate", "Termeni si conditii"],
            "nl": ["Gebruiksvoorwaarden", "Algemene voorwaarden", "Privacybeleid", "Privacyverklaring"],
            "ar": ["شروط الاستخدام", "سياسة الخصوصية", "الشروط والأحكام"],
            "zh": ["使用条款", "隐私政策", "隱私權政策", "服務條款", "用户协议"],
            "ja": ["利用規約", "プライバシーポリシー", "サイトマップ"],
            "ko": ["이용약관", "개인정보처리방침", "개인정보 처리방침"],
            "id": ["Syarat dan Ketentuan", "Kebijakan Privasi", "Pedoman Media Siber"],
            "ms": ["Terma dan Syarat", "Dasar Privasi"],
            "vi": ["Điều khoản sử dụng", "Chính sách bảo mật"],
            "th": ["ข้อกำหนดการใช้งาน", "นโยบายความเป็นส่วนตัว"],
            "he": ["תנאי שימוש", "מדיניות פרטיות"],
            "fa": ["شرایط استفاده", "سیاست حفظ حریم خصوصی"],
            "hi": ["उपयोग की शर्तें", "गोपनीयता नीति"],
            "bn": ["ব্যবহারের শর্তাবলী", "গোপনীয়তা নীতি"],
            "cs": ["Podmínky užívání", "Ochrana osobních údajů", "Zásady ochrany osobních údajů"],
            "sk": ["Podmienky používania", "Ochrana osobných údajov"],
            "hu": ["Felhasználási feltételek", "Adatvédelmi nyilatkozat", "Impresszum",
                   "Adatvédelmi irányelvek"],
            "el": ["Όροι χρήσης", "Πολιτική απορρήτου"],
            "bg": ["Общи условия", "Условия за ползване", "Политика за поверителност"],
            "sr": ["Услови коришћења", "Uslovi korišćenja", "Политика приватности",
                   "Politika privatnosti"],
            "hr": ["Uvjeti korištenja", "Pravila privatnosti", "Impressum"],
            "sv": ["Användarvillkor", "Integritetspolicy", "Personuppgiftspolicy"],
            "da": ["Vilkår og betingelser", "Privatlivspolitik"],
            "nb": ["Vilkår for bruk", "Personvernerklæring"],
            "fi": ["Käyttöehdot", "Tietosuojaseloste", "Tietosuojakäytäntö"],
            "lt": ["Naudojimosi taisyklės", "Privatumo politika"],
            "lv": ["Lietošanas noteikumi", "Privātuma politika"],
            "et": ["Kasutustingimused", "Privaatsuspoliitika"],
            "sl": ["Pogoji uporabe", "Politika zasebnosti"],
            "az": ["İstifadə şərtləri", "Məxfilik siyasəti"],
            "ka": ["წესები და პირობები", "კონფიდენციალურობის პოლიტიკა"],
        },
        # "Privacy" alone can head a paragraph of an article about privacy.
        drop={"pt": ["Privacidade"], "ru": ["Конфиденциальность"], "hu": ["Adatvédelem"],
              "fi": ["Tietosuoja"], "fa": ["حریم خصوصی"]},
    ),
    dict(
        file="widgets.yaml", code="BP415", name="account-links", severity="warning", confidence=0.8,
        message='Log-in or account link left from the page ({lang}): "{text}"',
        why="\"Log in\", \"Log out\" and \"My account\" are links of the site's header or "
            "sidebar. As whole lines they are navigation, not article text.",
        match=["Log in", "Oturum aç", "Anmelden", "Log out", "Se connecter"],
        no_match=["Users could not log in for hours on Tuesday.",
                  "He forgot to log out of the shared computer."],
        extra={
            "en": ["Sign in", "Sign In", "Sign out", "My account", "Sign in / Register",
                   "Log in / Register", "Login / Register", "Forgot your password?"],
            "de": ["Mein Konto", "Abmelden", "Passwort vergessen?"],
            "es": ["Iniciar sesión", "Mi cuenta", "Cerrar sesión", "¿Olvidaste tu contraseña?"],
            "fr": ["Se connecter", "Connexion", "Mon compte", "Se déconnecter",
                   "Mot de passe oublié ?"],
            "it": ["Accedi", "Il mio account", "Esci", "Password dimenticata?"],
            "pt": ["Entrar", "Iniciar sessão", "Minha conta", "A minha conta", "Sair",
                   "Esqueceu sua senha?"],
            "tr": ["Giriş yap", "Oturum aç", "Hesabım", "Çıkış yap", "Şifremi unuttum"],
            "ru": ["Войти", "Выйти", "Мой аккаунт", "Личный кабинет", "Забыли пароль?"],
            "uk": ["Увійти", "Вийти", "Мій акаунт", "Особистий кабінет"],
            "pl": ["Zaloguj się", "Wyloguj się", "Moje konto", "Nie pamiętasz hasła?"],
            "ro": ["Autentificare", "Contul meu", "Deconectare", "Ai uitat parola?"],
            "nl": ["Inloggen", "Uitloggen", "Mijn account", "Wachtwoord vergeten?"],
            "ar": ["تسجيل الدخول", "تسجيل الخروج", "حسابي"],
            "zh": ["登录", "登入", "注册", "登出", "退出登录", "我的账户"],
            "ja": ["ログイン", "ログアウト", "マイページ"],
            "ko": ["로그인", "로그아웃", "회원가입"],
        },
    ),
    dict(
        file="widgets.yaml", code="BP416", name="advertisement-label", severity="warning",
        confidence=0.9,
        message='Advertisement label left from the page ({lang}): "{text}"',
        why="Ad slots carry a label (\"Advertisement\", \"Anzeige\", \"Reklam\", \"Sponsored\"). "
            "Without the ad, the label is a stray line inside the article. A line of exactly such "
            "a word is almost always the label, but a section heading is possible, so the rule "
            "warns.",
        match=["Advertisement", "Reklam", "Anzeige", "Publicité", "Sponsored"],
        no_match=["The advertisement was banned by the regulator.",
                  "The event was sponsored by a local bank."],
        extra={
            "en": ["Advertisements", "ADVERTISEMENT", "Sponsored content", "Sponsored Content",
                   "Paid content", "Paid Post", "Partner content", "Promoted",
                   "Advertisement - Scroll to continue", "Advertisement · Scroll to continue",
                   "Story continues below advertisement", "Article continues below advertisement",
                   "Article continues below", "Story continues below", "Continue reading below",
                   "Report this ad", "Sponsored Links", "Ad Feedback"],
            "de": ["Anzeige", "Werbung", "Gesponsert", "Sponsored Post", "Artikel wird unter der Anzeige fortgesetzt"],
            "es": ["Publicidad", "Anuncio", "Patrocinado", "Contenido patrocinado"],
            "fr": ["Publicité", "Sponsorisé", "Contenu sponsorisé", "Article sponsorisé"],
            "it": ["Pubblicità", "Sponsorizzato", "Contenuto sponsorizzato"],
            "pt": ["Publicidade", "Patrocinado", "Conteúdo patrocinado", "Anúncio"],
            "tr": ["Reklam", "Sponsorlu", "Sponsorlu içerik"],
            "ru": ["Реклама", "Спонсорский материал", "На правах рекламы"],
            "uk": ["Реклама", "На правах реклами"],
            "pl": ["Reklama", "Materiał sponsorowany", "Artykuł sponsorowany"],
            "ro": ["Publicitate", "Reclamă", "Conținut sponsorizat"],
            "nl": ["Advertentie", "Gesponsord", "Gesponsorde inhoud"],
            "ar": ["إعلان", "محتوى مدفوع", "محتوى برعاية"],
            "zh": ["广告", "廣告", "赞助内容", "贊助內容"],
            "ja": ["広告", "スポンサーリンク", "PR"],
            "ko": ["광고", "스폰서"],
            "id": ["Iklan", "Konten Bersponsor", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"],
            "ms": ["Iklan", "Ditaja"],
            "vi": ["Quảng cáo", "Nội dung tài trợ"],
            "th": ["โฆษณา"],
            "he": ["פרסומת", "תוכן ממומן"],
            "fa": ["تبلیغات", "آگهی"],
            "hi": ["विज्ञापन", "प्रायोजित"],
            "bn": ["বিজ্ঞাপন"],
            "cs": ["Reklama", "Komerční sdělení", "Sponzorováno"],
            "sk": ["Reklama", "Sponzorované"],
            "hu": ["Hirdetés", "Szponzorált tartalom", "Támogatott tartalom"],
            "el": ["Διαφήμιση", "Χορηγούμενο"],
            "bg": ["Реклама", "Спонсорирано"],
            "sr": ["Реклама", "Reklama"],
            "hr": ["Oglas", "Reklama", "Sponzorirano"],
            "sv": ["Annons", "Sponsrat"],
            "da": ["Annonce", "Reklame", "Sponsoreret"],
            "nb": ["Annonse", "Reklame", "Sponset"],
            "fi": ["Mainos", "Kaupallinen yhteistyö"],
            "lt": ["Reklama", "Užsakomasis turinys"],
            "lv": ["Reklāma"],
            "et": ["Reklaam"],
            "sl": ["Oglas", "Oglasno sporočilo"],
            "az": ["Reklam"],
            "ka": ["რეკლამა"],
        },
        drop={"id": ["Periklanan"]},
    ),
    dict(
        file="widgets.yaml", code="BP417", name="loading-indicator", severity="warning", confidence=0.9,
        message='Loading indicator left from the page ({lang}): "{text}"',
        why="\"Loading...\" is the placeholder of a widget that fills itself in with scripts (likes, "
            "comments, related posts). Scraped before the script ran, it stays as a line of its "
            "own.",
        match=["Loading...", "Yükleniyor...", "Wird geladen …", "Chargement…"],
        no_match=["Loading of the ship was delayed by the strike.",
                  "Dock workers resumed loading on Monday."],
        extra={
            "en": ["Loading comments...", "Please wait..."],
            "es": ["Cargando..."], "pt": ["Carregando..."], "ru": ["Загрузка..."],
        },
    ),
]

# ---------------------------------------------------------------------------------------------
# Prefix phrases: "See also" link lines (BP203) and cookie banner sentences (BP407).
# The matcher strips trailing punctuation from a prefix phrase, so a phrase that is an ordinary
# opening without its colon ("Read more:", "Related:") is written "Read more: {*}".
# Keep prefix phrases to openings that never start a sentence of article text: a quoted sentence
# counts too, since the matcher strips leading quote marks ("We value your privacy," he said).
# ---------------------------------------------------------------------------------------------
PREFIX_EXTRA = {
    "BP203": {
        "en": ["See also", "Read also", "Also read", "Read more: {*}", "READ MORE - {*}",
               "Related: {*}", "Related Article: {*}", "Related Articles: {*}", "Related News: {*}",
               "Related Story: {*}", "Related Stories: {*}", "Related Coverage: {*}",
               "Related Content: {*}", "Read next: {*}", "Also see", "See more: {*}", "More: {*}",
               "Also Read: {*}", "You may also like: {*}", "Recommended: {*}", "Don't miss: {*}",
               "Further reading: {*}", "Read the full story: {*}", "Continue reading: {*}",
               "MORE FROM {*}: {*}"],
        "tr": ["Ayrıca okuyun", "Ayrıca okuyunuz", "Ayrıca bakınız", "Ayrıca bakın", "Ayrıca oku",
               "Bunu da okuyun", "Bunları da okuyun", "Bu haberi de okuyun", "İlgili haber",
               "İlgili haberler", "İlginizi çekebilir", "Daha fazla oku: {*}", "İlgili: {*}",
               "Bunlar da ilginizi çekebilir"],
        "de": ["Lesen Sie auch", "Lesen Sie dazu", "Lesen Sie mehr", "Lies auch", "Siehe auch",
               "Mehr zum Thema", "Auch interessant", "Das könnte Sie auch interessieren",
               "Weiterlesen: {*}", "Mehr dazu: {*}", "Zum Thema: {*}", "Lesen Sie hier", "Lesetipp"],
        "es": ["Lee también", "Lea también", "Leer también", "Ver también", "Véase también",
               "Te puede interesar", "Le puede interesar", "También te puede interesar",
               "Puede interesarte", "Leer más: {*}", "Lee más: {*}", "Relacionado: {*}",
               "Noticia relacionada", "Más información: {*}", "Te recomendamos: {*}"],
        "fr": ["Lire aussi", "À lire aussi", "A lire aussi", "Lire également", "À lire également",
               "Voir aussi", "À voir aussi", "Voir également", "Sur le même sujet", "À découvrir: {*}",
               "Lire la suite: {*}", "En savoir plus: {*}", "Lire plus: {*}", "Découvrez aussi"],
        "it": ["Leggi anche", "Leggi pure", "Vedi anche", "Guarda anche", "Potrebbe interessarti",
               "Ti potrebbe interessare", "Approfondisci: {*}", "Leggi di più: {*}",
               "Correlati: {*}", "Leggi l'articolo: {*}"],
        "pt": ["Leia também", "Leia mais: {*}", "Veja também", "Saiba mais: {*}",
               "Confira também", "Veja mais: {*}", "Ler também", "Ler mais: {*}",
               "Relacionado: {*}", "Leia ainda", "Veja ainda"],
        "pl": ["Zobacz też", "Zobacz także", "Czytaj też", "Czytaj także", "Przeczytaj też",
               "Przeczytaj także", "Polecamy: {*}", "Sprawdź też: {*}", "Sprawdź także: {*}",
               "Czytaj więcej: {*}", "Czytaj również", "Zobacz również"],
        "ru": ["Читайте также", "Читайте еще", "Читайте ещё", "Смотрите также", "См. также",
               "Также читайте", "Также по теме", "По теме: {*}", "Читать также",
               "Подробнее: {*}", "Читайте по теме"],
        "uk": ["Читайте також", "Дивіться також", "Також читайте", "Читайте ще", "Див. також",
               "Детальніше: {*}", "По темі: {*}", "Читайте більше"],
        "ro": ["Citește și", "Citeste si", "Citiți și", "Citiţi şi", "Citeşte şi", "Cititi si",
               "Vezi și", "Vezi si", "Vezi şi", "Citește mai mult: {*}", "Recomandări: {*}",
               "Citește mai multe: {*}"],
        "nl": ["Lees ook", "Lees verder: {*}", "Zie ook", "Lees meer: {*}", "Bekijk ook",
               "Ook interessant", "Meer over dit onderwerp"],
        "ar": ["اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "اقرأ أيضًا",
               "شاهد أيضا", "شاهد أيضاً", "اقرأ المزيد: {*}", "طالع أيضا", "طالع أيضاً",
               "اقرأ كذلك", "مواضيع ذات صلة: {*}", "اقرأ ايضاً"],
        "zh": ["相关阅读", "延伸阅读", "相關閱讀", "延伸閱讀", "推荐阅读", "推薦閱讀", "相关新闻：{*}",
               "相關新聞：{*}", "另见", "参见", "更多阅读", "阅读更多：{*}", "相关链接"],
        "ja": ["関連記事", "あわせて読みたい", "合わせて読みたい", "こちらもおすすめ",
               "こちらも読まれています", "関連リンク"],
        "ko": ["관련기사", "관련 기사", "함께 보면 좋은 기사", "같이 보기", "추천 기사",
               "관련뉴스", "관련 뉴스", "함께 읽기"],
        "id": ["Baca juga", "Lihat juga", "Simak juga", "Berita terkait", "Artikel terkait",
               "Baca selengkapnya: {*}", "Baca: {*}", "Baca Juga:"],
        "ms": ["Baca juga", "Lihat juga", "Berita berkaitan", "Artikel berkaitan", "Baca lagi: {*}",
               "Baca: {*}"],
        "vi": ["Xem thêm", "Đọc thêm", "Tin liên quan", "Bài liên quan", "Có thể bạn quan tâm",
               "Tin cùng chuyên mục"],
        "th": ["อ่านเพิ่มเติม", "อ่านต่อ", "ดูเพิ่มเติม", "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง",
               "อ่านข่าวที่เกี่ยวข้อง"],
        "he": ["קראו גם", "ראו גם", "קרא גם", "ראה גם", "עוד בנושא", "כתבות נוספות"],
        "fa": ["بیشتر بخوانید", "همچنین بخوانید", "بخوانید: {*}", "ببینید: {*}", "مطالب مرتبط",
               "اخبار مرتبط", "پیشنهاد ویژه: {*}"],
        "hi": ["यह भी पढ़ें", "ये भी पढ़ें", "और पढ़ें", "इसे भी पढ़ें", "पढ़ें: {*}",
               "संबंधित खबर", "यह भी देखें", "ये भी देखें"],
        "bn": ["আরও পড়ুন", "আরো পড়ুন", "সম্পর্কিত খবর", "এছাড়াও পড়ুন", "আরও দেখুন", "আরো দেখুন"],
        "cs": ["Čtěte také", "Čtěte též", "Přečtěte si také", "Přečtěte si: {*}", "Viz také",
               "Související: {*}", "Mohlo by vás zajímat", "Čtěte více: {*}", "Čtěte: {*}"],
        "sk": ["Čítajte aj", "Čítajte tiež", "Prečítajte si aj", "Prečítajte si tiež", "Pozri aj",
               "Pozrite si aj", "Súvisiace: {*}", "Mohlo by vás zaujímať", "Čítajte: {*}"],
        "hu": ["Olvassa el ezt is", "Olvasd el ezt is", "Ezt is ajánljuk", "Lásd még",
               "Kapcsolódó: {*}", "Ajánló: {*}", "Ezt is érdemes elolvasni", "Kapcsolódó cikk"],
        "el": ["Διαβάστε επίσης", "Διαβάστε ακόμα", "Διαβάστε ακόμη", "Δείτε επίσης", "Δείτε ακόμα",
               "Σχετικά: {*}", "Σχετικό άρθρο", "Δείτε περισσότερα: {*}"],
        "bg": ["Прочетете още", "Прочетете също", "Вижте още", "Вижте също", "Още по темата",
               "Виж още", "Свързани новини"],
        "sr": ["Прочитајте још", "Pročitajte još", "Прочитајте и", "Pročitajte i", "Погледајте и",
               "Pogledajte i", "Види још", "Vidi još", "Повезане вести", "Povezane vesti",
               "Видите још", "Vidite još"],
        "hr": ["Pročitajte i", "Pročitajte još", "Pročitajte više: {*}", "Vidi i", "Pogledajte i",
               "Povezano: {*}", "Povezani članci", "Još vijesti", "Vezane vijesti"],
        "sv": ["Läs också", "Läs även", "Läs mer: {*}", "Se även", "Se också", "Relaterat: {*}",
               "Relaterade artiklar"],
        "da": ["Læs også", "Læs mere: {*}", "Se også", "Relateret: {*}", "Relaterede artikler"],
        "nb": ["Les også", "Les mer: {*}", "Se også", "Relatert: {*}", "Relaterte artikler"],
        "fi": ["Lue myös", "Lue lisää: {*}", "Katso myös", "Aiheesta lisää", "Aiheeseen liittyvää",
               "Aiheesta muualla"],
        "lt": ["Taip pat skaitykite", "Skaitykite taip pat", "Taip pat žiūrėkite",
               "Skaitykite daugiau: {*}", "Susiję straipsniai", "Susiję: {*}"],
        "lv": ["Lasiet arī", "Lasi arī", "Lasiet vēl", "Skatiet arī", "Skatīt arī",
               "Saistītie raksti"],
        "et": ["Loe ka", "Loe lisaks", "Vaata ka", "Loe edasi: {*}", "Seotud: {*}",
               "Seotud artiklid"],
        "sl": ["Preberite tudi", "Preberi tudi", "Poglejte tudi", "Glej tudi", "Sorodno: {*}",
               "Sorodni članki", "Več o tem: {*}"],
        "az": ["Həmçinin oxuyun", "Həmçinin bax", "Həmçinin baxın", "Oxşar xəbərlər",
               "Oxu: {*}", "Bax: {*}"],
        "ka": ["ასევე წაიკითხეთ", "ასევე იხილეთ", "იხილეთ ასევე", "წაიკითხეთ ასევე",
               "მსგავსი სიახლეები"],
    },
    "BP407": {
        "en": ["This site uses cookies", "This website uses cookies", "We use cookies",
               "By continuing to use this site, you agree to the use of cookies",
               "By continuing to use this website, you agree", "By continuing to browse",
               "By using this site, you agree", "By using this website, you agree",
               "By using our website you agree", "By using our site, you acknowledge",
               "Our site uses cookies", "Our website uses cookies", "We and our partners use cookies",
               "Cookies help us deliver our services", "This website stores cookies on your computer",
               "We use cookies and similar technologies"],
        "de": ["Diese Website verwendet Cookies", "Diese Webseite verwendet Cookies",
               "Diese Website benutzt Cookies", "Diese Seite verwendet Cookies", "Wir verwenden Cookies",
               "Wir nutzen Cookies", "Wir setzen Cookies ein", "Um unsere Webseite für Sie optimal zu gestalten",
               "Diese Website nutzt Cookies", "Durch die weitere Nutzung der Seite stimmen Sie"],
        "es": ["Este sitio web utiliza cookies", "Este sitio web usa cookies", "Este sitio utiliza cookies",
               "Este sitio usa cookies", "Utilizamos cookies", "Usamos cookies", "Esta web utiliza cookies",
               "Esta web usa cookies", "Utilizamos cookies propias y de terceros"],
        "fr": ["Ce site utilise des cookies", "Ce site web utilise des cookies", "Nous utilisons des cookies",
               "En poursuivant votre navigation", "En continuant à naviguer sur ce site",
               "En continuant à utiliser le site", "Ce site utilise des témoins"],
        "it": ["Questo sito utilizza i cookie", "Questo sito usa i cookie", "Questo sito web utilizza i cookie",
               "Utilizziamo i cookie", "Usiamo i cookie", "Questo sito utilizza cookie",
               "Continuando a navigare", "Questo sito fa uso di cookie"],
        "pt": ["Este site utiliza cookies", "Este site usa cookies", "Este website utiliza cookies",
               "Utilizamos cookies", "Usamos cookies", "Nós usamos cookies", "Ao continuar a navegar",
               "Ao continuar navegando"],
        "tr": ["Bu web sitesi çerez kullanmaktadır", "Bu web sitesi çerezler kullanır",
               "Bu site çerez kullanmaktadır", "Bu sitede çerezler kullanılmaktadır",
               "Sitemizde çerezler kullanılmaktadır", "Çerezler kullanıyoruz", "Çerez kullanıyoruz",
               "Sitemizden en iyi şekilde faydalanabilmeniz için",
               "Web sitemizde çerezler kullanılmaktadır", "Web sitemizde çerez kullanılmaktadır",
               "Size daha iyi hizmet sunabilmek için çerezler"],
        "ru": ["Этот сайт использует файлы cookie", "Этот сайт использует cookie",
               "Этот сайт использует куки", "Мы используем файлы cookie", "Мы используем cookie",
               "Мы используем куки", "Продолжая использовать сайт", "Продолжая пользоваться сайтом",
               "Сайт использует файлы cookie"],
        "uk": ["Цей сайт використовує файли cookie", "Цей сайт використовує cookie",
               "Ми використовуємо файли cookie", "Ми використовуємо cookie"],
        "pl": ["Ta strona używa plików cookie", "Ta strona korzysta z plików cookie",
               "Ta strona wykorzystuje pliki cookie", "Używamy plików cookie",
               "Korzystamy z plików cookie", "Ta witryna używa plików cookie",
               "Strona korzysta z plików cookie", "Ta strona używa ciasteczek"],
        "ro": ["Acest site folosește cookie-uri", "Acest site utilizează cookie-uri",
               "Acest site web folosește cookie-uri", "Folosim cookie-uri", "Utilizăm cookie-uri",
               "Acest site foloseşte cookie-uri", "Acest site foloseste cookie-uri"],
        "nl": ["Deze website maakt gebruik van cookies", "Deze site maakt gebruik van cookies",
               "Deze website gebruikt cookies", "Wij gebruiken cookies", "We gebruiken cookies",
               "Wij maken gebruik van cookies"],
        "ar": ["يستخدم هذا الموقع ملفات تعريف الارتباط", "يستخدم هذا الموقع ملفات الكوكيز",
               "نستخدم ملفات تعريف الارتباط", "نحن نستخدم ملفات تعريف الارتباط",
               "يستخدم هذا الموقع الكوكيز"],
        "ko": ["이 웹사이트는 쿠키를 사용합니다", "당사는 쿠키를 사용합니다", "이 사이트는 쿠키를 사용합니다"],
        "id": ["Situs ini menggunakan cookie", "Situs web ini menggunakan cookie", "Kami menggunakan cookie"],
        "ms": ["Laman web ini menggunakan kuki", "Kami menggunakan kuki"],
        "vi": ["Trang web này sử dụng cookie", "Chúng tôi sử dụng cookie"],
        "th": ["เว็บไซต์นี้ใช้คุกกี้", "เราใช้คุกกี้"],
        "he": ["אתר זה משתמש בעוגיות", "אתר זה עושה שימוש בקבצי cookies", "אנו משתמשים בעוגיות",
               "האתר משתמש בעוגיות", "אתר זה משתמש בקבצי Cookie"],
        "fa": ["این سایت از کوکی‌ها استفاده می‌کند", "ما از کوکی‌ها استفاده می‌کنیم",
               "این وب‌سایت از کوکی استفاده می‌کند"],
        "hi": ["यह वेबसाइट कुकीज़ का उपयोग करती है", "हम कुकीज़ का उपयोग करते हैं"],
        "bn": ["এই ওয়েবসাইট কুকিজ ব্যবহার করে", "আমরা কুকিজ ব্যবহার করি"],
        "cs": ["Tento web používá cookies", "Tento web používá soubory cookie",
               "Tyto stránky používají cookies", "Používáme cookies", "Používáme soubory cookie"],
        "sk": ["Táto stránka používa cookies", "Táto webová stránka používa súbory cookie",
               "Používame cookies", "Používame súbory cookie"],
        "hu": ["Ez a weboldal sütiket használ", "Ez a honlap sütiket használ",
               "Weboldalunk sütiket használ", "Sütiket használunk", "A weboldal cookie-kat használ",
               "Weboldalunk cookie-kat használ"],
        "el": ["Αυτός ο ιστότοπος χρησιμοποιεί cookies", "Ο ιστότοπος χρησιμοποιεί cookies",
               "Χρησιμοποιούμε cookies"],
        "bg": ["Този сайт използва бисквитки", "Този уебсайт използва бисквитки",
               "Ние използваме бисквитки", "Използваме бисквитки"],
        "sr": ["Овај сајт користи колачиће", "Ovaj sajt koristi kolačiće", "Користимо колачиће",
               "Koristimo kolačiće"],
        "hr": ["Ova web stranica koristi kolačiće", "Ova stranica koristi kolačiće",
               "Koristimo kolačiće", "Ova web-stranica koristi kolačiće"],
        "sv": ["Den här webbplatsen använder cookies", "Denna webbplats använder cookies",
               "Vi använder cookies", "Webbplatsen använder cookies"],
        "da": ["Denne hjemmeside bruger cookies", "Dette website bruger cookies", "Vi bruger cookies",
               "Hjemmesiden bruger cookies"],
        "nb": ["Dette nettstedet bruker informasjonskapsler", "Denne nettsiden bruker cookies",
               "Vi bruker informasjonskapsler", "Vi bruker cookies"],
        "fi": ["Tämä sivusto käyttää evästeitä", "Käytämme evästeitä", "Sivustomme käyttää evästeitä"],
        "lt": ["Ši svetainė naudoja slapukus", "Mes naudojame slapukus", "Svetainėje naudojami slapukai"],
        "lv": ["Šī vietne izmanto sīkdatnes", "Mēs izmantojam sīkdatnes",
               "Šajā vietnē tiek izmantotas sīkdatnes"],
        "et": ["See veebileht kasutab küpsiseid", "Kasutame küpsiseid", "Meie veebileht kasutab küpsiseid"],
        "sl": ["Ta spletna stran uporablja piškotke", "Spletna stran uporablja piškotke",
               "Uporabljamo piškotke"],
        "az": ["Bu sayt kukilərdən istifadə edir", "Bu veb-sayt kukilərdən istifadə edir",
               "Biz kukilərdən istifadə edirik"],
        "ka": ["ეს ვებგვერდი იყენებს ქუქი-ფაილებს", "ჩვენ ვიყენებთ ქუქი-ფაილებს"],
    },
}

# ---------------------------------------------------------------------------------------------
# Text helpers: the same normalization as the matcher (auditor/detectors/text.py)
# ---------------------------------------------------------------------------------------------
_SPACE_RUN = re.compile(r"[\s" + ZERO_WIDTH + r"]+")
_PLACEHOLDER = re.compile(r"\{(\*|n)\}")
_SR_SPAN = re.compile(r'<span class="screen-reader-text">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]*>")
_PRINTF = re.compile(r"%(\d+\$)?([sd])")


def squash(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


def line_key(text: str) -> str:
    return squash(text).casefold().strip(EDGE)


def prefix_key(text: str) -> str:
    return squash(text).casefold().rstrip(EDGE.replace(" ", ""))


def template_regex(key: str) -> str:
    parts = _PLACEHOLDER.split(key)
    return "".join(re.escape(p) if i % 2 == 0 else (r".{1,80}?" if p == "*" else r"\d[\d.,]*")
                   for i, p in enumerate(parts))


def msgid_key(msgid: str) -> str:
    s = _TAG.sub("", msgid.replace("\\n", " "))
    s = html.unescape(s)
    s = _PRINTF.sub("%s", s)
    s = squash(s).casefold().strip(EDGE)
    s = s.replace("“", "").replace("”", "").replace('"', "")
    if s.startswith("privacy & cookies"):
        return "privacy & cookies"
    if s.startswith("click to share on "):
        return "click to share on %s"
    return s


def tidy(text: str) -> str:
    """NFC, and white space runs (no-break and zero-width characters too) as one space."""
    return squash(unicodedata.normalize("NFC", text))


def drop_quotes_around_placeholders(text: str) -> str:
    out, i = [], 0
    for m in re.finditer(r"\{\*\}", text):
        start, end = m.start(), m.end()
        while start > i and (text[start - 1] in QUOTES or text[start - 1].isspace()):
            start -= 1
        while end < len(text) and (text[end] in QUOTES or text[end].isspace()):
            end += 1
        left = text[start:m.start()]
        right = text[m.end():end]
        out.append(text[i:start])
        out.append((" " if any(c.isspace() for c in left) and start > 0 else "") + "{*}"
                   + (" " if any(c.isspace() for c in right) and end < len(text) else ""))
        i = end
    out.append(text[i:])
    return "".join(out)


def straight_quotes(text: str) -> list[str]:
    """A phrase with curly or angle quotes around {*}, and the same with straight quotes."""
    forms = [text]
    plain = re.sub(r"[“”„‟«»]\s*(\{\*\})\s*[“”„‟«»]", r'"\1"', text)
    if plain != text:
        forms.append(plain)
    return forms


def literal_ok(phrase: str, lang: str) -> bool:
    """A phrase with {*} needs enough fixed text around the placeholder to be specific."""
    if "{*}" not in phrase:
        return True
    literal = _PLACEHOLDER.sub(" ", phrase)
    if lang in NO_SPACE_LANGS:
        return len(re.findall(r"\w", literal)) >= 3
    return len(re.findall(r"[^\W\d_]{2,}", literal)) >= 2


def clean(msgid: str, msgstr: str, key: str) -> list[str]:
    """The phrases one msgstr gives (see the module docstring)."""
    s = msgstr.replace("@hellip;", "&hellip;")
    s = re.sub(r"&\s+(#?\w+;)", r"&\1", s)  # "& #8250;" -> "&#8250;"
    pieces = [s]
    if "\\n" in s:
        pieces = [p for p in s.split("\\n")] + [s.replace("\\n", " ")]
    out = []
    for piece in pieces:
        variants = [_SR_SPAN.sub("", piece)]
        if key in ("continue reading %s", "leave a comment on %s"):
            variants.append(_SR_SPAN.sub(r"\1", piece))
        for v in variants:
            v = html.unescape(_TAG.sub("", v))
            if key == "required fields are marked %s":
                v = _PRINTF.sub("*", v)
            elif key == "one thought on %s" and "%2$s" in msgid:
                v = re.sub(r"%2\$s", "{*}", v)
                v = _PRINTF.sub("{n}", v)
            else:
                v = _PRINTF.sub(lambda m: "{n}" if m.group(2) == "d" else "{*}", v)
            if key == "1 comment":
                v = re.sub(r"(?<![\d{])[1١۱](?!\d)", "{n}", v)
            if key == "one thought on %s":
                # The quotes around the title stay: without them "One thought on {*}" would
                # match ordinary sentences. Straight quotes are added as a second form.
                v = tidy(v)
                out.extend(straight_quotes(v))
                continue
            v = tidy(drop_quotes_around_placeholders(tidy(v)))
            if _PRINTF.search(v) or "<" in v or re.search(r"&[#\w]+;|#\d+;|%", v):
                continue
            if not _PLACEHOLDER.sub("", line_key(v)).strip(EDGE):
                continue
            out.append(v)
    return out


# ---------------------------------------------------------------------------------------------
# Reading the lexicon
# ---------------------------------------------------------------------------------------------
def language(locale: str) -> str:
    return locale.split("_")[0]


def is_plugin(source: str) -> bool:
    """A row from a plugin's .po file other than Jetpack's."""
    path = source.split(":", 1)[-1]
    return "/plugins/" in path and "jetpack" not in path


def read_lexicon(path: Path):
    """lang -> msgid key -> list of phrases (in file order, unique)."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    unknown = set()
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            if row["source"].startswith(SKIP_SOURCES):
                continue
            key = msgid_key(row["msgid"])
            if key in SKIPPED_KEYS:
                continue
            if key not in KEY_RULE:
                unknown.add(row["msgid"])
                continue
            if key in CORE_ONLY_KEYS and is_plugin(row["source"]):
                continue
            lang = language(row["locale"])
            english = {line_key(p) for p in clean(row["msgid"], row["msgid"], key)}
            for phrase in clean(row["msgid"], row["msgstr"], key):
                if line_key(phrase) in english and key not in LOANWORD_KEYS:
                    continue  # left untranslated
                if lang in SCRIPT and not re.search(SCRIPT[lang], phrase):
                    continue
                if phrase not in table[lang][key]:
                    table[lang][key].append(phrase)
            for phrase in clean(row["msgid"], row["msgid"], key):
                if phrase not in table["en"][key]:
                    table["en"][key].append(phrase)
    if unknown:
        raise SystemExit("msgids with no rule (add them to KEY_RULE or SKIPPED_KEYS):\n  "
                         + "\n  ".join(sorted(unknown)))
    return table


# ---------------------------------------------------------------------------------------------
# Assembling the rules
# ---------------------------------------------------------------------------------------------
def generated(table) -> dict[str, dict[str, list[str]]]:
    """Joins and expansions of lexicon strings, per rule and language."""
    gen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for lang, by_key in table.items():
        sep = "" if lang in NO_SPACE_LANGS else " "
        # "Leave a Reply Cancel reply": the cancel link sits inside the heading.
        heads = by_key["leave a reply"] + by_key["leave a comment"] + by_key["leave a reply to %s"]
        for h in heads:
            for c in by_key["cancel reply"]:
                gen["BP101"][lang].append(f"{h} {c}")
        # "Your email address will not be published. Required fields are marked *"
        notes = by_key["your email address will not be published"]
        logged = by_key["logged in as %s. edit your profile. log out"]
        for r in by_key["required fields are marked %s"]:
            for n in notes + logged:
                gen["BP102"][lang].append(f"{n} {r}")
        # "Comments (12)"
        for c in by_key["comments"]:
            if "{" not in c:
                gen["BP107"][lang].append(f"{c} ({{n}})")
        # "Share on Facebook" -> the other networks.
        for p in by_key["share on facebook"] + by_key["share on twitter"]:
            for old in ("Facebook", "Twitter"):
                pattern = r"(?<!\w)" + old + r"(?!\w)"
                if re.search(pattern, p):
                    for net in NETWORKS:
                        gen["BP401"][lang].append(re.sub(pattern, net, p))
        # "Click to share on X" -> any network, and "(Opens in new window)" after it.
        for p in by_key["click to share on %s"]:
            g = p
            for net in sorted(("Bluesky", "Facebook", "Google+", "LinkedIn", "Mastodon", "Nextdoor",
                               "Pinterest", "Pocket", "Reddit", "Skype", "StumbleUpon", "Telegram",
                               "Threads", "Tumblr", "Twitter", "WhatsApp", "X"), key=len, reverse=True):
                g = re.sub(r"(?<!\w)" + re.escape(net) + r"(?!\w)", "{*}", g)
            g = tidy(drop_quotes_around_placeholders(g))
            gen["BP401"][lang].append(g)
            if not g.endswith("{*}"):
                gen["BP401"][lang].append(f"{g} {{*}}")
                if sep == "":
                    gen["BP401"][lang].append(f"{g}{{*}}")
        for key, code in (("click to email a link to a friend", "BP401"),
                          ("click to email this to a friend", "BP401"), ("click to print", "BP403")):
            for p in by_key[key]:
                gen[code][lang].append(f"{p} {{*}}")
        # "Like Loading..."
        for like in by_key["__like__"]:
            for loading in by_key["loading"]:
                gen["BP402"][lang].append(f"{like} {loading}")
        # Jetpack's cookie banner: its lines as whole lines, its sentences as line openings.
        for p in by_key["privacy & cookies"]:
            gen["BP406"][lang].append(p)
            if re.search(r"[:：]$", p.strip()):
                gen["BP406"][lang].append(f"{p} {{*}}")
            m = re.match(r"^(.{2,40}?)[:：]\s*(.+)$", p)
            if m and "{" not in p:
                gen["BP407"][lang].append(m.group(1) + ":")
                for sentence in re.split(r"(?<=[.。!])\s*", m.group(2)):
                    sentence = sentence.strip().rstrip(".。")
                    if len(sentence.split()) >= 3 or (lang in NO_SPACE_LANGS and len(sentence) >= 6):
                        gen["BP407"][lang].append(sentence)
    return gen


def read_likes(path: Path) -> dict[str, list[str]]:
    """The bare "Like" button per language: only used joined with "Loading..."."""
    likes: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["source"].startswith(SKIP_SOURCES) or msgid_key(row["msgid"]) != "like":
                continue
            if is_plugin(row["source"]):  # plugins translate the preposition ("comme", "come")
                continue
            for lang, text in (("en", row["msgid"]), (language(row["locale"]), row["msgstr"])):
                for p in clean(row["msgid"], text, "like"):
                    if lang in SCRIPT and not re.search(SCRIPT[lang], p):
                        continue
                    if p.casefold() in ("come", "comme", "словно", "gusta"):  # the preposition
                        continue
                    if p not in likes[lang]:
                        likes[lang].append(p)
    return likes


def assemble(tsv: Path):
    table = read_lexicon(tsv)
    for lang, items in read_likes(tsv).items():
        table[lang]["__like__"] = items
    gen = generated(table)
    rules = []
    for spec in RULES:
        code = spec["code"]
        scope = spec.get("scope", "line")
        per_lang: dict[str, list[str]] = defaultdict(list)
        for lang, by_key in table.items():
            for key, rule in KEY_RULE.items():
                if rule == code:
                    items = by_key.get(key, [])
                    if spec.get("fill"):
                        items = [p.replace("{*}", spec["fill"]) for p in items]
                    per_lang[lang].extend(items)
        for lang, items in gen.get(code, {}).items():
            per_lang[lang].extend(items)
        for lang, items in spec.get("extra", {}).items():
            per_lang[lang].extend(items)
        for lang, items in PREFIX_EXTRA.get(code, {}).items():
            per_lang[lang].extend(items)
            # "Lire la suite : ..." -- French typography puts a space before the colon.
            per_lang[lang].extend(p.replace(": {*}", " : {*}") for p in items if ": {*}" in p)
        drop = {lang: {line_key(p) for p in items} for lang, items in spec.get("drop", {}).items()}
        rules.append((spec, scope, per_lang, drop))
    return finish(rules)


def finish(rules):
    """Tidy, filter, deduplicate and resolve overlaps between rules."""
    prefix_patterns = []
    for spec, scope, per_lang, _ in rules:
        if scope == "prefix":
            for items in per_lang.values():
                for p in items:
                    prefix_patterns.append(re.compile(template_regex(prefix_key(tidy(p))) + r"(?!\w)"))
    claimed: set[str] = set()  # line keys held by an earlier rule
    result = []
    for spec, scope, per_lang, drop in sorted(rules, key=lambda r: r[0]["code"]):
        phrases: dict[str, list[str]] = {}
        taken_here: set[str] = set()
        for lang in LANGS:
            seen: dict[str, str] = {}
            for raw in per_lang.get(lang, []):
                p = tidy(raw)
                key = line_key(p) if scope == "line" else prefix_key(p)
                if not key or key in seen:
                    continue
                if key in STOPLIST or key in drop.get(lang, set()):
                    continue
                if scope == "line" and not literal_ok(p, lang):
                    continue
                if scope == "line":
                    if key in claimed and key not in taken_here:
                        continue
                    if "{" not in key and any(rx.match(key) for rx in prefix_patterns):
                        continue  # a prefix rule already takes the whole line
                seen[key] = p
            if seen:
                phrases[lang] = sorted(seen.values(), key=lambda s: (s.casefold(), s))
                taken_here.update(seen)
        claimed.update(taken_here)
        unknown = set(per_lang) - set(LANGS)
        if unknown:
            raise SystemExit(f"{spec['code']}: languages not in LANGS: {sorted(unknown)}")
        result.append((spec, scope, phrases))
    return result


# ---------------------------------------------------------------------------------------------
# YAML output
# ---------------------------------------------------------------------------------------------
class _Flow(list):
    pass


class _Folded(str):
    pass


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, one phrase a line."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=False))
_Dumper.add_representer(_Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style=">"))


def rule_document(spec, scope, phrases):
    doc = {
        "code": spec["code"],
        "name": spec["name"],
        "category": "boilerplate",
        "severity": spec["severity"],
        "confidence": spec["confidence"],
        "kind": "phrases",
        "scope": scope,
    }
    if scope == "prefix":
        doc["max_words"] = spec["max_words"]
    doc.update({
        "fix": {"action": "delete", "safety": "safe"},  # written as a flow mapping by render()
        "message": spec["message"],
        "why": _Folded(spec["why"] + "\n"),
        "examples": {"match": list(spec["match"]), "no_match": list(spec["no_match"])},
        "phrases": {lang: _Flow(items) for lang, items in phrases.items()},
    })
    return doc


TITLES = {
    "comment-forms.yaml": "Comment forms, comment counts and comment-thread chrome (BP101-BP199).",
    "related-links.yaml": "Related-content headings, read-more links and \"See also\" lines (BP201-BP299).",
    "widgets.yaml": "Share, like, follow, newsletter, cookie, navigation, search, footer and ad chrome "
                    "(BP401-BP499).",
}


def render(result) -> dict[str, str]:
    files: dict[str, list] = defaultdict(list)
    for spec, scope, phrases in result:
        files[spec["file"]].append(rule_document(spec, scope, phrases))
    out = {}
    for name, docs in files.items():
        chunks = []
        for doc in docs:
            text = yaml.dump([doc], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000,
                             default_flow_style=False)
            text = text.replace("  fix:\n    action: delete\n    safety: safe\n",
                                "  fix: {action: delete, safety: safe}\n")
            # Wrap the folded `why` paragraph (folding joins the lines again when read).
            text = re.sub(r"(?m)^(  why: >\n)    (.+)$",
                          lambda m: m.group(1) + textwrap.fill(m.group(2), 100, initial_indent="    ",
                                                               subsequent_indent="    "),
                          text)
            chunks.append(text)
        out[name] = HEADER.format(title=TITLES[name]) + "\n" + "\n".join(chunks)
    return out


def stats(result) -> str:
    lines = []
    per_file: dict[str, set] = defaultdict(set)
    per_file_n: dict[str, int] = defaultdict(int)
    for spec, scope, phrases in result:
        n = sum(len(v) for v in phrases.values())
        per_file[spec["file"]].update(phrases)
        per_file_n[spec["file"]] += n
        lines.append(f"  {spec['code']} {spec['name']:<28} {scope:<6} {len(phrases):>2} languages "
                     f"{n:>5} phrases")
    for f in sorted(per_file):
        lines.append(f"  {f}: {len(per_file[f])} languages, {per_file_n[f]} phrases")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV, help="wordpress-ui.tsv")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="folder of the rule packs")
    ap.add_argument("--check", action="store_true", help="write nothing; fail if the packs differ")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not args.tsv.is_file():
        print(f"lexicon not found: {args.tsv}", file=sys.stderr)
        return 2
    result = assemble(args.tsv)
    rendered = render(result)
    stale = []
    for name, text in rendered.items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if not args.quiet:
        print(stats(result))
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
