package dev.veil.jdbc.delegation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The {@link GuardsColumns} methods of one wrapper, checked: which delegated method calls which guard. A method is
 * guarded by the type of its first parameter alone (the JDK's class files carry no parameter names), so that a
 * column-taking method added to the interface later is guarded without anyone naming it.
 */
final class ColumnGuards {

    private static final String STRING = "java.lang.String";
    private static final String SQL_EXCEPTION = "java.sql.SQLException";

    private final Guard byIndex;
    private final Guard byLabel;
    private final boolean valid;

    private ColumnGuards(Guard byIndex, Guard byLabel, boolean valid) {
        this.byIndex = byIndex;
        this.byLabel = byLabel;
        this.valid = valid;
    }

    /** A guard method and the methods it leaves alone. */
    private record Guard(ExecutableElement method, Set<String> except) {
    }

    static ColumnGuards of(TypeElement wrapper, TypeElement iface, ProcessingEnvironment env) {
        Guard byIndex = null;
        Guard byLabel = null;
        boolean valid = true;
        for (ExecutableElement method : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(wrapper))) {
            GuardsColumns annotation = method.getAnnotation(GuardsColumns.class);
            if (annotation == null) {
                continue;
            }
            List<? extends TypeMirror> params = method.getParameters().stream().map(Element::asType).toList();
            boolean shape = params.size() == 2 && params.get(0).toString().equals(STRING)
                    && (isIndex(params.get(1)) || isLabel(params.get(1)))
                    && (method.getReturnType().getKind() == TypeKind.VOID
                            || method.getReturnType().getKind() == TypeKind.BOOLEAN)
                    && !method.getModifiers().contains(Modifier.PRIVATE)
                    && method.getThrownTypes().stream().allMatch(t -> t.toString().equals(SQL_EXCEPTION));
            if (!shape) {
                error(env, method, "@GuardsColumns methods are void or boolean guard(String method, int column)"
                        + " or guard(String method, String label), throwing at most SQLException");
                valid = false;
                continue;
            }
            boolean index = isIndex(params.get(1));
            if (index ? byIndex != null : byLabel != null) {
                error(env, method, "a wrapper has one @GuardsColumns method per column type");
                valid = false;
                continue;
            }
            Set<String> except = Set.of(annotation.except());
            for (String name : except) {
                boolean known = ElementFilter.methodsIn(env.getElementUtils().getAllMembers(iface)).stream()
                        .anyMatch(m -> m.getSimpleName().contentEquals(name) && !m.getParameters().isEmpty()
                                && (index ? isIndex(m.getParameters().get(0).asType())
                                        : isLabel(m.getParameters().get(0).asType())));
                if (!known) {
                    error(env, method, "@GuardsColumns except: " + iface.getSimpleName() + " has no method " + name
                            + " whose first parameter is " + (index ? "an int" : "a String"));
                    valid = false;
                }
            }
            if (index) {
                byIndex = new Guard(method, except);
            } else {
                byLabel = new Guard(method, except);
            }
        }
        return new ColumnGuards(byIndex, byLabel, valid);
    }

    /** The guard a delegated interface method calls first, if any. */
    Optional<ExecutableElement> guardOf(ExecutableElement method) {
        if (method.getParameters().isEmpty()) {
            return Optional.empty();
        }
        TypeMirror first = method.getParameters().get(0).asType();
        Guard guard = isIndex(first) ? byIndex : isLabel(first) ? byLabel : null;
        if (guard == null || guard.except().contains(method.getSimpleName().toString())) {
            return Optional.empty();
        }
        return Optional.of(guard.method());
    }

    boolean valid() {
        return valid;
    }

    private static boolean isIndex(TypeMirror type) {
        return type.getKind() == TypeKind.INT;
    }

    private static boolean isLabel(TypeMirror type) {
        return type.toString().equals(STRING);
    }

    private static void error(ProcessingEnvironment env, Element element, String message) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
