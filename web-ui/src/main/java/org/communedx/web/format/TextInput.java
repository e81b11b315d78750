package org.communedx.web.format;

import java.beans.PropertyEditorSupport;

import org.communedx.model.Unicode;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a form or a link sends, in Unicode NFC, before a field's length is checked or a word stored: typed with
 * combining marks (Unikey's "Unicode tổ hợp", a Mac), "Ệ" is three code points, so 700 of them were refused as over
 * 2,000 characters, and an explanation, a comment or a file's title was stored decomposed, unlike the same words typed
 * elsewhere. An editor of every binder, as {@link DateInput} is; the API's bodies are composed alike
 * ({@code ApiRequests.json}).
 */
@ControllerAdvice
class TextInput {

    @InitBinder
    void composeText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new ComposedText());
    }

    static final class ComposedText extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(Unicode.nfc(text));
        }

        @Override
        public String getAsText() {
            return getValue() instanceof String text ? text : "";
        }
    }
}
