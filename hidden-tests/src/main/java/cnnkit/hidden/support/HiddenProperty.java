package cnnkit.hidden.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * A hidden jqwik property: fixed seed (the same submission always gets the same grade), few tries (a submission
 * is graded in well under a second) and no shrinking (a wrong submission fails fast; shrinking could call the
 * student's code thousands of times). The method name states the invariant and is the check's id.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Property(tries = 50, seed = "42", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.MIXIN)
public @interface HiddenProperty {}
