package dev.veil.jdbc.delegation;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes {@code <Wrapper>Impl}: a final subclass of each {@link JdbcWrapper} class that implements every interface
 * method the wrapper left open by calling the same method on {@code delegate}. See {@link JdbcWrapper} for the
 * methods it refuses to delegate.
 */
@SupportedAnnotationTypes("dev.veil.jdbc.delegation.JdbcWrapper")
public final class DelegationProcessor extends AbstractProcessor {

    /** Methods whose first argument is SQL text; on these interfaces they must go through the pipeline. */
    private static final Set<String> SQL_ENTRY_POINTS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch",
            "prepareStatement", "prepareCall", "nativeSQL");
    private static final Set<String> SQL_ENTRY_INTERFACES = Set.of("java.sql.Statement", "java.sql.Connection");
    /** Statement interfaces whose every {@code execute*} method must run through the pipeline, with or without SQL. */
    private static final Set<String> STATEMENT_INTERFACES = Set.of(
            "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement");

    /** Returned types that lead back to the vendor driver and so must never be handed out unwrapped. */
    private static final List<String> GUARDED_RETURN_TYPES = List.of(
            "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement",
            "java.sql.ResultSet", "java.sql.DatabaseMetaData", "java.sql.Array");

    private static final Set<String> WRAPPER_METHODS = Set.of("unwrap", "isWrapperFor");

    private static final String SQL_EXCEPTION = "java.sql.SQLException";
    private static final String CLIENT_INFO_EXCEPTION = "java.sql.SQLClientInfoException";

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(JdbcWrapper.class)) {
            if (element.getKind() != ElementKind.CLASS || !element.getModifiers().contains(Modifier.ABSTRACT)) {
                error(element, "@JdbcWrapper belongs on an abstract class");
                continue;
            }
            TypeElement wrapper = (TypeElement) element;
            wrappedInterface(wrapper).ifPresent(iface -> generate(wrapper, iface));
        }
        return true;
    }

    private void generate(TypeElement wrapper, TypeElement iface) {
        if (!processingEnv.getTypeUtils().isAssignable(wrapper.asType(),
                processingEnv.getTypeUtils().erasure(iface.asType()))) {
            error(wrapper, wrapper.getSimpleName() + " must implement " + iface.getQualifiedName());
            return;
        }
        if (findDelegateField(wrapper).isEmpty()) {
            error(wrapper, wrapper.getSimpleName() + " needs a field 'delegate' holding the wrapped object");
            return;
        }
        List<ExecutableElement> wrapMethods = wrapMethods(wrapper);
        Optional<ExecutableElement> translate = translateMethod(wrapper);
        ColumnGuards guards = ColumnGuards.of(wrapper, iface, processingEnv);
        List<String> methods = new ArrayList<>();
        boolean ok = true;
        for (ExecutableElement method : openInterfaceMethods(wrapper)) {
            String name = method.getSimpleName().toString();
            String declaredIn = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
            if (WRAPPER_METHODS.contains(name)) {
                error(wrapper, wrapper.getSimpleName() + " must implement " + name + " itself: delegating it would"
                        + " hand out the vendor object");
                ok = false;
                continue;
            }
            if (SQL_ENTRY_POINTS.contains(name) && SQL_ENTRY_INTERFACES.contains(declaredIn)
                    && !method.getParameters().isEmpty() && isString(method.getParameters().get(0).asType())) {
                error(wrapper, wrapper.getSimpleName() + " must implement " + signature(method)
                        + " itself: SQL text must pass through the statement pipeline");
                ok = false;
                continue;
            }
            if (name.startsWith("execute") && STATEMENT_INTERFACES.contains(declaredIn)) {
                error(wrapper, wrapper.getSimpleName() + " must implement " + signature(method)
                        + " itself: every execution must pass through the statement pipeline");
                ok = false;
                continue;
            }
            ExecutableType asMember = (ExecutableType) processingEnv.getTypeUtils()
                    .asMemberOf((DeclaredType) wrapper.asType(), method);
            Optional<ExecutableElement> wrap = Optional.empty();
            if (isGuarded(asMember.getReturnType())) {
                wrap = wrapMethods.stream()
                        .filter(w -> processingEnv.getTypeUtils().isSameType(
                                w.getParameters().get(0).asType(), asMember.getReturnType()))
                        .findFirst();
                if (wrap.isEmpty()) {
                    error(wrapper, wrapper.getSimpleName() + " must implement " + signature(method)
                            + " itself or declare a @WrapsReturned method for " + asMember.getReturnType()
                            + ": the vendor object must not escape");
                    ok = false;
                    continue;
                }
            }
            if (throwsSqlException(asMember) && translate.isEmpty()) {
                error(wrapper, wrapper.getSimpleName() + " must declare a @TranslatesErrors method: "
                        + signature(method) + " may throw a database error, which must not reach the caller unseen");
                ok = false;
                continue;
            }
            Optional<ExecutableElement> guard = guards.guardOf(method);
            if (guard.isPresent() && !throwsSqlException(asMember)) {
                error(wrapper, wrapper.getSimpleName() + " must implement " + signature(method) + " itself: it takes"
                        + " a column but cannot throw the SQLException its @GuardsColumns method refuses with");
                ok = false;
                continue;
            }
            methods.add(delegatingMethod(method, asMember, iface, wrap, guard,
                    throwsSqlException(asMember) ? translate : Optional.empty()));
        }
        if (ok && guards.valid()) {
            write(wrapper, methods);
        }
    }

    /**
     * @param guard     the wrapper's {@link GuardsColumns} method for the method's first argument, when it takes a
     *                  column: called before the delegate is reached, outside the error translation
     * @param translate the wrapper's {@link TranslatesErrors} method, when the method may throw an SQLException: what
     *                  the vendor throws passes through it
     */
    private String delegatingMethod(ExecutableElement method, ExecutableType type, TypeElement iface,
                                    Optional<ExecutableElement> wrap, Optional<ExecutableElement> guard,
                                    Optional<ExecutableElement> translate) {
        StringBuilder out = new StringBuilder();
        out.append("    @Override\n    public ");
        if (!method.getTypeParameters().isEmpty()) {
            out.append(method.getTypeParameters().stream().map(this::typeParameter)
                    .collect(Collectors.joining(", ", "<", "> ")));
        }
        out.append(type.getReturnType()).append(' ').append(method.getSimpleName()).append('(');
        StringJoiner params = new StringJoiner(", ");
        StringJoiner args = new StringJoiner(", ");
        List<? extends TypeMirror> parameterTypes = type.getParameterTypes();
        for (int i = 0; i < parameterTypes.size(); i++) {
            params.add(parameterTypes.get(i) + " p" + i);
            args.add("p" + i);
        }
        out.append(params).append(')');
        if (!type.getThrownTypes().isEmpty()) {
            out.append(type.getThrownTypes().stream().map(TypeMirror::toString)
                    .collect(Collectors.joining(", ", " throws ", "")));
        }
        String call = "((" + iface.getQualifiedName() + ") delegate)." + method.getSimpleName() + "(" + args + ")";
        if (wrap.isPresent()) {
            call = wrap.get().getSimpleName() + "(" + call + ")";
        }
        String ret = type.getReturnType().getKind() != TypeKind.VOID ? "return " : "";
        out.append(" {\n");
        guard.ifPresent(g -> {
            String check = g.getSimpleName() + "(\"" + method.getSimpleName() + "\", p0)";
            if (g.getReturnType().getKind() == TypeKind.BOOLEAN) {
                // the guard answered the call as SQL NULL
                out.append("        if (").append(check).append(") {\n            return")
                        .append(nullOf(type.getReturnType())).append(";\n        }\n");
            } else {
                out.append("        ").append(check).append(";\n");
            }
        });
        if (translate.isEmpty()) {
            out.append("        ").append(ret).append(call).append(";\n    }\n");
            return out.toString();
        }
        String translated = translate.get().getSimpleName() + "(e)";
        String caught = SQL_EXCEPTION;
        if (type.getThrownTypes().stream().anyMatch(t -> t.toString().equals(CLIENT_INFO_EXCEPTION))) {
            // Connection.setClientInfo declares only SQLClientInfoException: the translation is carried in one
            caught = CLIENT_INFO_EXCEPTION;
            translated = "new " + CLIENT_INFO_EXCEPTION + "(" + translated + ".getMessage(), e.getSQLState(),"
                    + " e.getErrorCode(), e.getFailedProperties())";
        }
        out.append("        try {\n            ").append(ret).append(call).append(";\n        }")
                .append(" catch (").append(caught).append(" e) {\n            throw ")
                .append(translated).append(";\n        }\n    }\n");
        return out.toString();
    }

    /** What a getter of {@code type} returns for SQL NULL, after {@code return}. */
    private static String nullOf(TypeMirror type) {
        return switch (type.getKind()) {
            case VOID -> "";
            case BOOLEAN -> " false";
            case LONG -> " 0L";
            case FLOAT -> " 0f";
            case DOUBLE -> " 0d";
            case INT, SHORT, BYTE, CHAR -> " 0";
            default -> " null";
        };
    }

    private void write(TypeElement wrapper, List<String> methods) {
        String pkg = ((PackageElement) enclosingPackage(wrapper)).getQualifiedName().toString();
        String name = wrapper.getSimpleName() + "Impl";
        StringBuilder src = new StringBuilder();
        src.append("package ").append(pkg).append(";\n\n");
        src.append("/** Plain delegation for {@link ").append(wrapper.getSimpleName())
                .append("}, written at compile time by ").append(DelegationProcessor.class.getSimpleName())
                .append(". */\n");
        src.append("@javax.annotation.processing.Generated(\"").append(DelegationProcessor.class.getName())
                .append("\")\n");
        src.append("@SuppressWarnings({\"deprecation\", \"removal\"})\n");
        src.append("final class ").append(name).append(" extends ").append(wrapper.getSimpleName()).append(" {\n\n");
        for (ExecutableElement constructor : ElementFilter.constructorsIn(wrapper.getEnclosedElements())) {
            if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
                continue;
            }
            StringJoiner params = new StringJoiner(", ");
            StringJoiner args = new StringJoiner(", ");
            for (VariableElement p : constructor.getParameters()) {
                params.add(p.asType() + " " + p.getSimpleName());
                args.add(p.getSimpleName());
            }
            src.append("    ").append(name).append('(').append(params).append(')');
            if (!constructor.getThrownTypes().isEmpty()) {
                src.append(constructor.getThrownTypes().stream().map(TypeMirror::toString)
                        .collect(Collectors.joining(", ", " throws ", "")));
            }
            src.append(" {\n        super(").append(args).append(");\n    }\n\n");
        }
        methods.forEach(m -> src.append(m).append('\n'));
        src.append("}\n");
        try (Writer writer = processingEnv.getFiler().createSourceFile(pkg + "." + name, wrapper).openWriter()) {
            writer.write(src.toString());
        } catch (IOException e) {
            error(wrapper, "cannot write " + name + ": " + e.getMessage());
        }
    }

    /** Interface methods (abstract or default) that no class in the wrapper's hierarchy implements. */
    private List<ExecutableElement> openInterfaceMethods(TypeElement wrapper) {
        List<ExecutableElement> open = new ArrayList<>();
        for (ExecutableElement method
                : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(wrapper))) {
            Element owner = method.getEnclosingElement();
            if (owner.getKind() == ElementKind.INTERFACE && !method.getModifiers().contains(Modifier.STATIC)) {
                open.add(method);
            } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                error(wrapper, "abstract method " + signature(method) + " of " + owner.getSimpleName()
                        + " is not part of a JDBC interface and cannot be delegated");
            }
        }
        return open;
    }

    private List<ExecutableElement> wrapMethods(TypeElement wrapper) {
        List<ExecutableElement> wraps = new ArrayList<>();
        for (ExecutableElement method
                : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(wrapper))) {
            if (method.getAnnotation(WrapsReturned.class) == null) {
                continue;
            }
            if (method.getParameters().size() != 1 || method.getModifiers().contains(Modifier.PRIVATE)
                    || !processingEnv.getTypeUtils().isAssignable(method.getReturnType(),
                    method.getParameters().get(0).asType())) {
                error(method, "@WrapsReturned methods take one argument and return the same type");
                continue;
            }
            wraps.add(method);
        }
        return wraps;
    }

    private Optional<ExecutableElement> translateMethod(TypeElement wrapper) {
        List<ExecutableElement> found = new ArrayList<>();
        for (ExecutableElement method
                : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(wrapper))) {
            if (method.getAnnotation(TranslatesErrors.class) == null) {
                continue;
            }
            if (method.getParameters().size() != 1 || method.getModifiers().contains(Modifier.PRIVATE)
                    || !method.getParameters().get(0).asType().toString().equals(SQL_EXCEPTION)
                    || !method.getReturnType().toString().equals(SQL_EXCEPTION)
                    || !method.getThrownTypes().isEmpty()) {
                error(method, "@TranslatesErrors methods take an SQLException, return one and throw nothing");
                continue;
            }
            found.add(method);
        }
        if (found.size() > 1) {
            error(wrapper, wrapper.getSimpleName() + " has more than one @TranslatesErrors method");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Whether a method declares {@code SQLException} (or a supertype of it) among what it throws. */
    private boolean throwsSqlException(ExecutableType type) {
        TypeMirror sqlException = processingEnv.getElementUtils().getTypeElement(SQL_EXCEPTION).asType();
        return type.getThrownTypes().stream().anyMatch(t -> processingEnv.getTypeUtils().isAssignable(sqlException, t)
                || processingEnv.getTypeUtils().isAssignable(t, sqlException));
    }

    private Optional<VariableElement> findDelegateField(TypeElement type) {
        for (VariableElement field : ElementFilter.fieldsIn(processingEnv.getElementUtils().getAllMembers(type))) {
            if (field.getSimpleName().contentEquals("delegate") && !field.getModifiers().contains(Modifier.PRIVATE)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private Optional<TypeElement> wrappedInterface(TypeElement wrapper) {
        for (AnnotationMirror mirror : wrapper.getAnnotationMirrors()) {
            if (!((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(JdbcWrapper.class.getName())) {
                continue;
            }
            for (var entry : mirror.getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals("value")) {
                    AnnotationValue value = entry.getValue();
                    TypeMirror type = (TypeMirror) value.getValue();
                    return Optional.of((TypeElement) processingEnv.getTypeUtils().asElement(type));
                }
            }
        }
        error(wrapper, "@JdbcWrapper needs the wrapped interface");
        return Optional.empty();
    }

    private boolean isGuarded(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return GUARDED_RETURN_TYPES.contains(name);
    }

    private static boolean isString(TypeMirror type) {
        return type.toString().equals("java.lang.String");
    }

    private String typeParameter(TypeParameterElement parameter) {
        List<? extends TypeMirror> bounds = parameter.getBounds();
        boolean onlyObject = bounds.size() == 1 && bounds.get(0).toString().equals("java.lang.Object");
        if (bounds.isEmpty() || onlyObject) {
            return parameter.getSimpleName().toString();
        }
        return parameter.getSimpleName() + " extends "
                + bounds.stream().map(TypeMirror::toString).collect(Collectors.joining(" & "));
    }

    private static Element enclosingPackage(Element element) {
        Element current = element;
        while (current.getKind() != ElementKind.PACKAGE) {
            current = current.getEnclosingElement();
        }
        return current;
    }

    private static String signature(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream()
                .map(p -> p.asType().toString()).collect(Collectors.joining(", ", "(", ")"));
    }

    private void error(Element element, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
